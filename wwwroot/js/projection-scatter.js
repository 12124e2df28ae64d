// The projection viewer's scatter: coordinates arrive as float32 bytes over HTTP (never through the circuit as
// JSON) and go to Plotly as typed arrays. Colour and size arrive as byte[] through interop (binary in Blazor).
// The element gets data-drawn-ms (navigation/click to drawn) and data-points once Plotly has drawn.
const plotlyUrl = './_content/Plotly.Blazor/plotly-3.7.0.min.js';
const views = new Map();

function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    // Same id and src as Plotly.Blazor's importer, so neither loads the library twice.
    let script = document.getElementById('plotly-import');
    if (!script) {
        script = document.createElement('script');
        script.id = 'plotly-import';
        script.src = plotlyUrl;
        script.dataset.originalSrc = plotlyUrl;
        document.head.appendChild(script);
    }
    return new Promise((resolve, reject) => {
        if (window.Plotly) { resolve(window.Plotly); return; }
        script.addEventListener('load', () => resolve(window.Plotly));
        script.addEventListener('error', () => reject(new Error('Plotly could not be loaded from ' + plotlyUrl)));
    });
}

function floats(bytes) {
    // Interop hands over a Uint8Array; its offset may not be 4-aligned, so copy when needed.
    if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    return new Float32Array(bytes.slice().buffer);
}

function split(coords, dims) {
    const n = coords.length / dims;
    const axes = [new Float32Array(n), new Float32Array(n), dims === 3 ? new Float32Array(n) : null];
    for (let i = 0; i < n; i++) {
        axes[0][i] = coords[i * dims];
        axes[1][i] = coords[i * dims + 1];
        if (dims === 3) axes[2][i] = coords[i * dims + 2];
    }
    return axes;
}

function markerOf(view) {
    const marker = { size: view.sizes || 4, opacity: 0.8, line: { width: 0 } };
    if (view.colors) {
        marker.color = view.colors;
        if (view.palette) {
            // Category codes 0..k-1 on a stepped colourscale: one trace keeps point indices stable for selection.
            const k = view.palette.length;
            marker.cmin = -0.5; marker.cmax = k - 0.5;
            marker.colorscale = view.palette.flatMap((c, i) => [[i / k, c], [(i + 1) / k, c]]);
            marker.showscale = false;
        } else {
            marker.colorscale = 'Viridis';
            marker.showscale = true;
            marker.colorbar = { title: { text: view.colorTitle || '' }, thickness: 12 };
        }
    } else {
        marker.color = '#3f51b5';
    }
    return marker;
}

function hoverTexts(view) {
    const n = view.keys.length;
    const text = new Array(n);
    for (let i = 0; i < n; i++) {
        let t = view.keys[i];
        if (view.colors) t += '<br>' + view.colorTitle + ': ' + (view.palette ? view.categories[view.colors[i]] : fmt(view.colors[i]));
        if (view.sizeValues) t += '<br>' + view.sizeTitle + ': ' + fmt(view.sizeValues[i]);
        text[i] = t;
    }
    return text;
}

function fmt(x) { return Number.isNaN(x) ? '–' : x.toLocaleString(undefined, { maximumSignificantDigits: 4 }); }

function traces(view) {
    const [x, y, z] = view.axes;
    const main = view.dims === 3
        ? { type: 'scatter3d', mode: 'markers', x, y, z }
        : { type: 'scattergl', mode: 'markers', x, y };
    Object.assign(main, { marker: markerOf(view), text: hoverTexts(view), hoverinfo: 'text', name: view.entity });
    if (view.dims === 3) main.marker.size = view.sizes ? view.sizes : 2.5;
    const result = [main];
    if (view.highlight !== null && view.highlight < view.keys.length) {
        const i = view.highlight;
        const h = { type: main.type, mode: 'markers+text', x: [x[i]], y: [y[i]], text: [view.keys[i]], textposition: 'top center',
            marker: { size: 16, color: 'rgba(0,0,0,0)', line: { width: 3, color: '#e91e63' } }, hoverinfo: 'skip', name: 'selected' };
        if (view.dims === 3) { h.z = [z[i]]; h.marker = { size: 8, color: '#e91e63' }; }
        result.push(h);
    }
    return result;
}

function layoutOf(view) {
    const layout = { margin: { l: 40, r: 10, t: 10, b: 40 }, showlegend: false, dragmode: view.dims === 3 ? 'orbit' : 'lasso',
        hovermode: 'closest', uirevision: view.revision, paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: 'rgba(0,0,0,0)' };
    if (view.dims === 2 && view.range) { layout.xaxis = { range: view.range.x }; layout.yaxis = { range: view.range.y }; }
    return layout;
}

async function render(element, view) {
    const Plotly = await loadPlotly();
    await Plotly.react(element, traces(view), layoutOf(view), { responsive: true, displaylogo: false, scrollZoom: true });
    // WebGL draws inside react; one frame later the pixels are on screen.
    await new Promise(resolve => requestAnimationFrame(() => resolve()));
}

export async function draw(elementId, coordinatesUrl, keysUrl, dims, entity, dotnet) {
    const started = performance.now();
    const element = document.getElementById(elementId);
    element.removeAttribute('data-drawn-ms');
    const [buffer, keys] = await Promise.all([
        fetch(coordinatesUrl).then(r => { if (!r.ok) throw new Error('Coordinates: HTTP ' + r.status); return r.arrayBuffer(); }),
        fetch(keysUrl).then(r => { if (!r.ok) throw new Error('Keys: HTTP ' + r.status); return r.json(); }),
        loadPlotly(),
    ]);
    const coords = new Float32Array(buffer);
    const view = { dims, entity, keys, axes: split(coords, dims), colors: null, palette: null, categories: null, sizes: null,
        sizeValues: null, highlight: null, range: null, revision: coordinatesUrl, dotnet };
    views.set(elementId, view);
    await render(element, view);
    if (!element.dataset.wired) {
        element.dataset.wired = '1';
        element.on('plotly_click', e => {
            const p = e.points.find(q => q.curveNumber === 0);
            const v = views.get(elementId);
            if (p && v) v.dotnet.invokeMethodAsync('OnPointClicked', p.pointNumber);
        });
        element.on('plotly_selected', e => {
            const v = views.get(elementId);
            if (!v) return;
            const indices = e ? e.points.filter(q => q.curveNumber === 0).map(q => q.pointNumber) : [];
            v.dotnet.invokeMethodAsync('OnPointsSelected', indices);
        });
    }
    const ms = performance.now() - started;
    element.dataset.points = String(keys.length);
    element.dataset.drawnMs = ms.toFixed(0);
    return { points: keys.length, milliseconds: ms };
}

// colorBytes: float32 per point (numeric values, or category codes when palette is given); null clears.
export async function style(elementId, colorBytes, colorTitle, palette, categories, sizeBytes, sizeValueBytes, sizeTitle) {
    const view = views.get(elementId);
    if (!view) return;
    view.colors = colorBytes ? floats(colorBytes) : null;
    view.colorTitle = colorTitle;
    view.palette = palette && palette.length ? palette : null;
    view.categories = categories;
    view.sizes = sizeBytes ? floats(sizeBytes) : null;
    view.sizeValues = sizeValueBytes ? floats(sizeValueBytes) : null;
    view.sizeTitle = sizeTitle;
    await render(document.getElementById(elementId), view);
}

// Marks one point and, in 2D, centres the view on it keeping the current zoom width.
export async function highlight(elementId, index) {
    const view = views.get(elementId);
    if (!view) return;
    const element = document.getElementById(elementId);
    view.highlight = index;
    if (view.dims === 2 && index !== null) {
        const full = element._fullLayout;
        const wx = full ? full.xaxis.range[1] - full.xaxis.range[0] : 1;
        const wy = full ? full.yaxis.range[1] - full.yaxis.range[0] : 1;
        const x = view.axes[0][index], y = view.axes[1][index];
        view.range = { x: [x - wx / 4, x + wx / 4], y: [y - wy / 4, y + wy / 4] };
        view.revision = view.revision + '#' + index;
    }
    await render(element, view);
}

export function dispose(elementId) {
    const element = document.getElementById(elementId);
    views.delete(elementId);
    if (element && window.Plotly) window.Plotly.purge(element);
}
