// Small browser helpers called through JS interop.
window.studio = window.studio || {};

// Every state-changing call to /api must carry this header (another site's page cannot send it), see CrossSiteRequestGuard.
window.studio.requestHeader = 'X-Studio-Request';

// Saves bytes produced on the server as a file download.
window.studio.downloadFile = function (fileName, contentType, base64) {
    const link = document.createElement('a');
    link.href = 'data:' + contentType + ';base64,' + base64;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
};

// Streams the file chosen in <input type=file id=inputId> to the upload API with XHR, so the bytes go over HTTP
// (not the SignalR circuit) and the server writes them to disk as they arrive. Progress is reported to .NET at
// most every 200 ms; studio.cancelUpload(inputId) aborts it. The upload counts against workspaceId's quota.
window.studio.uploads = {};
window.studio.uploadFile = function (inputId, dotnet, workspaceId) {
    const input = document.getElementById(inputId);
    const file = input && input.files && input.files[0];
    if (!file) return Promise.resolve({ ok: false, status: 0, body: 'No file chosen.' });
    return new Promise(function (resolve) {
        const xhr = new XMLHttpRequest();
        window.studio.uploads[inputId] = xhr;
        let last = 0;
        xhr.upload.onprogress = function (e) {
            const now = Date.now();
            if (now - last < 200 && e.loaded < e.total) return;
            last = now;
            dotnet.invokeMethodAsync('OnUploadProgress', e.loaded, e.total);
        };
        const done = function (ok, status, body) {
            delete window.studio.uploads[inputId];
            resolve({ ok: ok, status: status, body: body });
        };
        xhr.onload = function () { done(xhr.status >= 200 && xhr.status < 300, xhr.status, xhr.responseText); };
        xhr.onerror = function () { done(false, 0, 'The connection failed during the upload.'); };
        xhr.onabort = function () { done(false, -1, 'Upload cancelled.'); };
        const workspace = workspaceId == null ? '' : '&workspaceId=' + encodeURIComponent(workspaceId);
        xhr.open('POST', 'api/uploads?fileName=' + encodeURIComponent(file.name) + workspace);
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
        xhr.setRequestHeader(window.studio.requestHeader, '1');
        xhr.send(file);
    });
};
window.studio.cancelUpload = function (inputId) {
    const xhr = window.studio.uploads[inputId];
    if (xhr) xhr.abort();
};
window.studio.chosenFile = function (inputId) {
    const input = document.getElementById(inputId);
    const file = input && input.files && input.files[0];
    return file ? { name: file.name, size: file.size } : null;
};
window.studio.clickElement = function (id) {
    const element = document.getElementById(id);
    if (element) element.click();
};
