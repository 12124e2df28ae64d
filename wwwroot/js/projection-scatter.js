// The projection viewer's scatter: coordinates arrive as float32 bytes over HTTP (never through the circuit as
// JSON) and go to Plotly as typed arrays. Colour and size arrive as byte[] through interop (binary in Blazor).
// Once Plotly has drawn, the element gets data-points, data-drawn-ms (since draw was called) and data-drawn-at
// (since navigation started).
// 2D needs only scattergl: the gl2d partial bundle (1.6 MB) parses about three times faster than the full one
// (4.9 MB, which Plotly.Blazor ships and 3D needs). Own script ids, so Plotly.Blazor's loader keeps its own state.
const bundles = {
    gl2d: { id: 'studio-plotly-gl2d', src: './lib/plotly/plotly-gl2d-3.7.0.min.js' },
    full: { id: 'studio-plotly-full', src: './_content/Plotly.Blazor/plotly-3.7.0.min.js' },
};
const views = new Map();
let loading = null;

// Which bundle window.Plotly came from: ours says so; one loaded by Plotly.Blazor is the full bundle.
function loadedBundle() {
    if (!window.Plotly) return null;
    return window.Plotly.__studioBundle || 'full';
}

function loadScript(bundle) {
    return new Promise((resolve, reject) => {
        const old = document.getElementById(bundle.id);
        if (old) old.remove();
        const script = document.createElement('script');
        script.id = bundle.id;
        script.src = bundle.src;
        script.addEventListener('load', () => resolve(window.Plotly));
        script.addEventListener('error', () => reject(new Error('Plotly could not be loaded from ' + bundle.src)));
        document.head.appendChild(script);
    });
}

function loadPlotly(needs3d) {
    const have = loadedBundle();
    if (have === 'full' || (have === 'gl2d' && !needs3d)) return Promise.resolve(window.Plotly);
    const name = needs3d ? 'full' : 'gl2d';
    if (loading && loading.name === name) return loading.promise;
    const previous = loading ? loading.promise.catch(() => null) : Promise.resolve();
    const promise = previous.then(() => {
        const now = loadedBundle();
        if (now === 'full' || now === name) return window.Plotly;
        return loadScript(bundles[name]).then(Plotly => { Plotly.__studioBundle = name; return Plotly; });
    });
    loading = { name, promise };
    return promise;
}

// Called as soon as the page renders, so the 4.7 MB library loads while the server prepares the projection.
export function preload() {
    loadPlotly(false).catch(() => { /* draw() reports the failure */ });
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
    const Plotly = await loadPlotly(view.dims === 3);
    await Plotly.react(element, traces(view), layoutOf(view), { responsive: true, displaylogo: false, scrollZoom: true });
    // WebGL draws inside react; one frame later the pixels are on screen.
    await new Promise(resolve => requestAnimationFrame(() => resolve()));
}

export async function draw(elementId, coordinatesUrl, keysUrl, dims, entity, dotnet) {
    const started = performance.now();
    const element = document.getElementById(elementId);
    element.removeAttribute('data-drawn-ms');
    element.removeAttribute('data-drawn-at');
    // A plot drawn by the 2D bundle cannot be redrawn by the full one: clear it (and its handlers) before switching.
    if (dims === 3 && loadedBundle() === 'gl2d' && element.data) {
        window.Plotly.purge(element);
        delete element.dataset.wired;
    }
    const marks = {};
    const mark = (name, p) => p.then(v => { marks[name] = Math.round(performance.now() - started); return v; });
    const [buffer, keys] = await Promise.all([
        mark('coordinates', fetch(coordinatesUrl).then(r => { if (!r.ok) throw new Error('Coordinates: HTTP ' + r.status); return r.arrayBuffer(); })),
        mark('keys', fetch(keysUrl).then(r => { if (!r.ok) throw new Error('Keys: HTTP ' + r.status); return r.json(); })),
        mark('plotly', loadPlotly(dims === 3)),
    ]);
    const coords = new Float32Array(buffer);
    const view = { dims, entity, keys, axes: split(coords, dims), colors: null, palette: null, categories: null, sizes: null,
        sizeValues: null, highlight: null, range: null, revision: coordinatesUrl, dotnet };
    views.set(elementId, view);
    const beforeRender = performance.now();
    await render(element, view);
    marks.render = Math.round(performance.now() - beforeRender);
    element.dataset.timings = JSON.stringify(marks);
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
    // Milliseconds since navigation started: what an analyst waits from opening the page.
    element.dataset.drawnAt = performance.now().toFixed(0);
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
