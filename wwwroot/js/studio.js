// Small browser helpers called through JS interop.
window.studio = window.studio || {
    // Saves bytes produced on the server as a file download.
    downloadFile: function (fileName, contentType, base64) {
        const link = document.createElement('a');
        link.href = 'data:' + contentType + ';base64,' + base64;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
    }
};
