// Clusterdeck's plot elements. They are custom elements, so they work the same on static pages and inside interactive
// Blazor components: the server renders the element with attributes, the element fetches and draws.
//
// <cd-metric-plot src metric unit peak normal caution alert live height>
//   src      URL answering a MetricPlotData JSON (Plots/MetricPlotData.cs); changing it refetches and redraws.
//   metric   the metric's name (for messages); unit: the y axis unit, e.g. "GF/s".
//   peak normal caution alert   thresholds at the plotted scope; the background turns orange/red when the series'
//            average is past caution/alert (lower is worse when alert < caution), and dashed lines mark them.
//   live     seconds between refetches while the job runs or the node is live; absent or 0: no refetch.
//   height   the plot's height in pixels (default 220).
//   After each successful draw: data-drawn="<number of series drawn>" and data-samples="<samples per series>";
//   on failure: data-error="<message>" and the message in the element. Events: "cd-plot-drawn" (bubbles).
//   Drag to zoom; when the data was resampled (resolution > nativeTimestep) the element refetches src with a finer
//   resolution=; a double-click resets. With many series (and a statisticsSeries in the data) it shows the
//   min/median/max band, and a button switches to all series.
//
// <cd-roofline src height>   src answers RooflinePlotData (Plots/RooflinePlotData.cs); sets data-drawn="<points>".
// <cd-polar data height>     data is JSON [{ name, avg, max, min? }] with values relative to the peak (0..1);
//                            sets data-drawn="<metrics>".
import uPlot from "uplot";

const PALETTE = ["#0d6efd", "#dc3545", "#198754", "#fd7e14", "#6f42c1", "#20c997", "#d63384", "#0dcaf0",
  "#8c564b", "#6610f2", "#b8860b", "#2f4f4f"];
const PREFIXES = ["", "k", "M", "G", "T", "P", "E"];
const BAND_THRESHOLD = 8;
const TOOLTIP_ROWS = 12;

/** Three significant digits with an SI prefix, as Components/Format.cs writes numbers. */
function formatNumber(value) {
  if (value == null || !Number.isFinite(value)) return "–";
  let prefix = 0;
  while (Math.abs(value) >= 1000 && prefix < PREFIXES.length - 1) {
    value /= 1000;
    prefix++;
  }
  const abs = Math.abs(value);
  const text = value.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
  return prefix === 0 ? text : `${text} ${PREFIXES[prefix]}`;
}

/** An axis tick: formatNumber without trailing zeros (10, 2.5 k). */
function formatTick(value) {
  return formatNumber(value).replace(/\.0+(?=$| )|(\.\d*?)0+(?=$| )/, "$1");
}

/** Seconds as h:mm (or d h:mm), for elapsed job time. */
function formatElapsed(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  const clock = `${h}:${String(m).padStart(2, "0")}`;
  return d > 0 ? `${d}d ${clock}` : clock;
}

function formatClock(unixSeconds, withDate) {
  const date = new Date(unixSeconds * 1000);
  const hm = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
  return withDate ? `${date.toLocaleDateString([], { month: "2-digit", day: "2-digit" })} ${hm}` : hm;
}

function numberAttribute(element, name) {
  const text = element.getAttribute(name);
  if (text == null || text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function seriesColor(index, count) {
  return count <= PALETTE.length ? PALETTE[index] : `hsl(${Math.round((index * 360) / count)}, 70%, 45%)`;
}

/** src with resolution=<seconds> added or replaced. */
function withResolution(src, resolution) {
  const url = new URL(src, document.baseURI);
  url.searchParams.set("resolution", String(resolution));
  return url.pathname + url.search;
}

/**
 * The resolution to fetch for a zoomed range: about as many samples as the whole job had at the coarse resolution,
 * in whole multiples of the native timestep, never finer than native.
 */
function finerResolution(range, nativeTimestep, targetSamples) {
  const wanted = range / Math.max(targetSamples, 1);
  const steps = Math.max(1, Math.floor(wanted / nativeTimestep));
  return steps * nativeTimestep;
}

async function fetchJson(url, signal) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", signal });
  if (!response.ok) {
    let reason = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      reason = problem.detail || problem.title || reason;
    } catch {
      // Not a ProblemDetails body; the status says enough.
    }
    throw new Error(reason);
  }
  return response.json();
}

/** Shared life cycle: a message line, resize observation, data-error/data-drawn bookkeeping. */
class PlotElement extends HTMLElement {
  connectedCallback() {
    if (!this.body) {
      this.body = document.createElement("div");
      this.body.className = "cd-plot-body";
      this.message = document.createElement("div");
      this.message.className = "cd-plot-message";
      this.append(this.body, this.message);
    }
    this.resizeObserver = new ResizeObserver(() => this.scheduleResize());
    this.resizeObserver.observe(this);
    this.lastWidth = this.clientWidth;
    // Blazor's enhanced navigation and interactive renders sync this element's children with the server's markup,
    // which has none, and so would remove what the element drew; the drawn parts are put straight back.
    this.childKeeper ??= new MutationObserver(() => this.reattach());
    this.childKeeper.observe(this, { childList: true });
  }

  disconnectedCallback() {
    this.resizeObserver?.disconnect();
    this.childKeeper?.disconnect();
    this.abort?.abort();
  }

  reattach() {
    const parts = [this.toolbar, this.body, this.message].filter(Boolean);
    if (parts.every((part, index) => this.children[index] === part) && this.children.length === parts.length) return;
    this.replaceChildren(...parts);
  }

  get plotHeight() {
    return numberAttribute(this, "height") ?? 220;
  }

  scheduleResize() {
    if (this.resizePending) return;
    this.resizePending = true;
    requestAnimationFrame(() => {
      this.resizePending = false;
      if (this.clientWidth !== this.lastWidth && this.clientWidth > 0) {
        this.lastWidth = this.clientWidth;
        this.resized();
      }
    });
  }

  resized() {}

  showError(error) {
    this.removeAttribute("data-drawn");
    this.setAttribute("data-error", error.message || String(error));
    this.message.textContent = error.message || String(error);
    this.message.className = "cd-plot-message text-danger";
  }

  showNotice(text) {
    this.message.textContent = text;
    this.message.className = "cd-plot-message text-body-secondary";
  }

  markDrawn(count, samples) {
    this.removeAttribute("data-error");
    if (samples != null) this.setAttribute("data-samples", String(samples));
    this.setAttribute("data-drawn", String(count));
    this.dispatchEvent(new CustomEvent("cd-plot-drawn", { bubbles: true, detail: { count } }));
  }
}

class MetricPlot extends PlotElement {
  static observedAttributes = ["src", "live", "height", "unit", "peak", "normal", "caution", "alert"];

  connectedCallback() {
    super.connectedCallback();
    if (!this.toolbar) {
      this.toolbar = document.createElement("div");
      this.toolbar.className = "cd-plot-toolbar btn-group btn-group-sm";
      this.modeButton = this.button("bi-bar-chart-steps", "Show every series", () => this.toggleMode());
      this.clockButton = this.button("bi-clock", "Time axis: elapsed job time / clock time", () => this.toggleClock());
      this.resetButton = this.button("bi-zoom-out", "Reset zoom (or double-click the plot)", () => this.resetZoom());
      this.toolbar.append(this.modeButton, this.clockButton, this.resetButton);
      this.prepend(this.toolbar);
      this.tooltip = document.createElement("div");
      this.tooltip.className = "cd-plot-tooltip";
      this.thresholdLayer = document.createElement("div");
      this.thresholdLayer.className = "cd-plot-thresholds";
      this.showAll = false;
      this.clock = false;
      this.zoom = null;
    }
    this.body.style.minHeight = `${this.plotHeight}px`;
    this.load(false);
    this.schedule();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.timer = null;
    this.uplot?.destroy();
    this.uplot = null;
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.body || previous === value) return;
    if (name === "src") {
      this.zoom = null;
      this.load(false);
    } else if (name === "live") {
      this.schedule();
    } else if (this.data) {
      this.draw();
    }
  }

  button(icon, title, onClick) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-outline-secondary";
    button.title = title;
    button.setAttribute("aria-label", title);
    button.innerHTML = `<i class="bi ${icon}"></i>`;
    button.addEventListener("click", onClick);
    return button;
  }

  schedule() {
    clearInterval(this.timer);
    this.timer = null;
    const seconds = numberAttribute(this, "live");
    if (seconds && seconds > 0) {
      this.timer = setInterval(() => this.load(true), seconds * 1000);
    }
  }

  /** The src as written, or with the resolution a zoom asked for. */
  currentSource() {
    const src = this.getAttribute("src");
    return this.zoom?.resolution ? withResolution(src, this.zoom.resolution) : src;
  }

  async load(refresh) {
    const src = this.getAttribute("src");
    if (!src) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    if (!refresh && !this.data) this.showNotice("Loading…");
    try {
      const data = await fetchJson(this.currentSource(), abort.signal);
      if (abort.signal.aborted) return;
      this.data = data;
      if (!this.baseSamples) this.baseSamples = this.sampleCount(data);
      this.draw();
    } catch (error) {
      if (error.name === "AbortError") return;
      // A running job's refresh that fails once keeps the last plot; anything else shows the reason.
      if (refresh && this.data) return;
      this.uplot?.destroy();
      this.uplot = null;
      this.showError(error);
    }
  }

  sampleCount(data) {
    return (data?.data?.series ?? []).reduce((n, s) => Math.max(n, s.data.length), 0);
  }

  usesBand() {
    const metric = this.data.data;
    return !this.showAll && metric.statisticsSeries != null && metric.series.length >= BAND_THRESHOLD;
  }

  toggleMode() {
    this.showAll = !this.showAll;
    this.draw();
  }

  toggleClock() {
    this.clock = !this.clock;
    this.clockButton.classList.toggle("active", this.clock);
    this.draw();
  }

  resetZoom() {
    const hadFinerData = this.zoom?.resolution != null;
    this.zoom = null;
    if (hadFinerData) this.load(false);
    else this.draw();
  }

  /** Called with the selected x range in elapsed seconds. */
  zoomTo(min, max) {
    const data = this.data;
    const native = data.nativeTimestep || data.resolution;
    let resolution = this.zoom?.resolution ?? null;
    if (data.resolution > native) {
      const finer = finerResolution(max - min, native, this.baseSamples || 300);
      if (finer < data.resolution) resolution = finer;
    }
    const refetch = resolution != null && resolution !== (this.zoom?.resolution ?? null);
    this.zoom = { min, max, resolution };
    if (refetch) this.load(true);
    else this.draw();
  }

  /** x in elapsed seconds; y one array per drawn series. */
  plotData() {
    const metric = this.data.data;
    const step = this.data.resolution || metric.timestep || 1;
    const samples = this.usesBand() ? metric.statisticsSeries.median.length : this.sampleCount(this.data);
    const x = new Array(samples);
    for (let i = 0; i < samples; i++) x[i] = i * step;
    if (this.usesBand()) {
      const stats = metric.statisticsSeries;
      return { x, ys: [stats.max, stats.median, stats.min], labels: ["max", "median", "min"], samples };
    }
    const scope = this.data.scope;
    const labels = metric.series.map((s) => (scope === "node" || !s.id ? s.hostname : `${s.hostname} ${scope} ${s.id}`));
    return { x, ys: metric.series.map((s) => s.data), labels, samples };
  }

  thresholds() {
    return {
      peak: numberAttribute(this, "peak"),
      normal: numberAttribute(this, "normal"),
      caution: numberAttribute(this, "caution"),
      alert: numberAttribute(this, "alert"),
    };
  }

  /** cc-backend's rule: the mean of the series averages against caution and alert; lower is worse when alert < caution. */
  backgroundLevel() {
    const { caution, alert } = this.thresholds();
    if (caution == null || alert == null) return null;
    const stats = this.data.data.series.map((s) => s.statistics).filter((s) => s != null && Number.isFinite(s.avg));
    if (stats.length === 0) return null;
    const avg = stats.reduce((sum, s) => sum + s.avg, 0) / stats.length;
    const worse = alert < caution ? (a, b) => a <= b : (a, b) => a >= b;
    if (worse(avg, alert)) return "alert";
    if (worse(avg, caution)) return "caution";
    return null;
  }

  draw() {
    const data = this.data;
    const metric = data?.data;
    this.uplot?.destroy();
    this.uplot = null;
    this.body.replaceChildren();
    const series = metric?.series ?? [];
    const hasBand = metric?.statisticsSeries != null && series.length >= BAND_THRESHOLD;
    this.modeButton.hidden = !hasBand;
    this.modeButton.classList.toggle("active", this.showAll);
    this.resetButton.hidden = this.zoom == null;
    if (series.length === 0 || this.sampleCount(data) === 0) {
      this.showNotice(`No data for ${this.getAttribute("metric") || data?.metric || "this metric"} yet`);
      this.markDrawn(0, 0);
      return;
    }
    this.message.textContent = "";
    const { x, ys, labels, samples } = this.plotData();
    const band = this.usesBand();
    const { peak, normal } = this.thresholds();
    const unit = this.getAttribute("unit") || "";
    const width = Math.max(this.clientWidth, 200);
    const startTime = data.startTime;
    const clock = this.clock;
    const xLabel = (v, withDate) => (clock ? formatClock(startTime + v, withDate) : formatElapsed(v));
    const seriesOptions = [{}];
    ys.forEach((_, i) => {
      const color = band ? ["#198754", "#212529", "#dc3545"][i] : seriesColor(i, ys.length);
      seriesOptions.push({ label: labels[i], stroke: color, width: band && i === 1 ? 1.5 : 1, spanGaps: false, points: { show: false } });
    });
    let dataMax = 0, dataMin = 0;
    for (const y of ys) {
      for (const v of y) {
        if (v != null) {
          if (v > dataMax) dataMax = v;
          if (v < dataMin) dataMin = v;
        }
      }
    }
    let top = Math.max(dataMax, normal ?? 0);
    if (peak && top > 10 * peak) top = 10 * peak; // an outlier must not flatten the plot
    if (top <= dataMin) top = dataMin + 1;
    const options = {
      width,
      height: this.plotHeight,
      legend: { show: false },
      cursor: {
        drag: { x: true, y: false, setScale: false },
        bind: { dblclick: () => () => { setTimeout(() => this.resetZoom()); return null; } },
        points: { show: !band && ys.length <= TOOLTIP_ROWS },
      },
      select: { show: true },
      scales: {
        x: { time: false, range: () => (this.zoom ? [this.zoom.min, this.zoom.max] : [0, x[x.length - 1] || 1]) },
        // A little room below zero, so a series that stays at 0 is not hidden in the x axis.
        y: { range: () => [dataMin < 0 ? dataMin * 1.05 : -0.02 * top, top * 1.05] },
      },
      axes: [
        { values: (_, ticks) => ticks.map((v) => xLabel(v, false)), space: 60, incrs: timeIncrements(), grid: { stroke: "rgba(0,0,0,0.07)" } },
        { values: (_, ticks) => ticks.map((v) => formatTick(v)), label: unit, labelSize: 18, size: 50, grid: { stroke: "rgba(0,0,0,0.07)" } },
      ],
      series: seriesOptions,
      bands: band ? [{ series: [1, 3], fill: "rgba(13, 110, 253, 0.18)" }] : [],
      hooks: {
        setSelect: [(u) => {
          if (u.select.width > 4) {
            const min = u.posToVal(u.select.left, "x");
            const max = u.posToVal(u.select.left + u.select.width, "x");
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            // After uPlot has finished with the mouse event: zooming redraws, which replaces this uPlot.
            setTimeout(() => this.zoomTo(Math.max(0, min), max));
          }
        }],
        setCursor: [(u) => this.updateTooltip(u, xLabel, unit)],
        draw: [(u) => this.placeThresholds(u)],
      },
    };
    this.uplot = new uPlot(options, [x, ...ys], this.body);
    this.uplot.over.append(this.thresholdLayer, this.tooltip);
    const level = this.backgroundLevel();
    this.uplot.over.classList.toggle("cd-plot-caution", level === "caution");
    this.uplot.over.classList.toggle("cd-plot-alert", level === "alert");
    this.uplot.over.addEventListener("mouseleave", () => { this.tooltip.style.display = "none"; });
    this.placeThresholds(this.uplot);
    this.markDrawn(ys.length, samples);
  }

  resized() {
    this.uplot?.setSize({ width: Math.max(this.clientWidth, 200), height: this.plotHeight });
  }

  /** Dashed lines at normal, caution and alert; DOM, not canvas, so the canvas holds only axes and data. */
  placeThresholds(u) {
    const layer = this.thresholdLayer;
    layer.replaceChildren();
    const levels = this.thresholds();
    for (const name of ["normal", "caution", "alert"]) {
      const value = levels[name];
      if (value == null) continue;
      const top = u.valToPos(value, "y");
      if (!Number.isFinite(top) || top < 0 || top > u.over.clientHeight) continue;
      const line = document.createElement("div");
      line.className = `cd-threshold cd-threshold-${name}`;
      line.style.top = `${top}px`;
      line.title = `${name}: ${formatNumber(value)}`;
      layer.append(line);
    }
  }

  updateTooltip(u, xLabel, unit) {
    const index = u.cursor.idx;
    const tooltip = this.tooltip;
    if (index == null || u.cursor.left < 0) {
      tooltip.style.display = "none";
      return;
    }
    const rows = [];
    for (let s = 1; s < u.series.length; s++) {
      const value = u.data[s][index];
      if (value != null) rows.push({ label: u.series[s].label, color: u.series[s].stroke(), value });
    }
    rows.sort((a, b) => b.value - a.value);
    const shown = rows.slice(0, TOOLTIP_ROWS);
    const x = u.data[0][index];
    const head = `<div class="fw-semibold">${formatElapsed(x)} · ${formatClock(this.data.startTime + x, true)}</div>`;
    const body = shown.map((r) => `<div><span class="cd-swatch" style="background:${r.color}"></span>${escapeHtml(r.label)}: ${formatNumber(r.value)} ${escapeHtml(unit)}</div>`).join("");
    const more = rows.length > shown.length ? `<div class="text-body-secondary">… ${rows.length - shown.length} more</div>` : "";
    tooltip.innerHTML = head + body + more;
    tooltip.style.display = "block";
    const left = u.cursor.left + 12 + tooltip.offsetWidth > u.over.clientWidth ? u.cursor.left - tooltip.offsetWidth - 12 : u.cursor.left + 12;
    tooltip.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, u.cursor.top + 12)}px)`;
  }
}

function timeIncrements() {
  const incrs = [];
  for (const unit of [1, 60, 3600]) {
    for (const n of [1, 2, 5, 10, 15, 30]) incrs.push(unit * n);
  }
  for (const n of [2, 3, 6, 12, 24, 48, 96, 168]) incrs.push(3600 * n);
  return incrs;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** A canvas sized to its element at the device's pixel ratio, for the hand-drawn plots. */
function prepareCanvas(element, height) {
  const canvas = document.createElement("canvas");
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(element.clientWidth, 200);
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext("2d");
  ctx.scale(ratio, ratio);
  element.body.replaceChildren(canvas);
  return { canvas, ctx, width, height };
}

/** Time colour of a roofline point: blue at the start through green to red at the end. */
function timeColor(t) {
  const clamp = (v) => Math.max(0, Math.min(255, Math.round(v)));
  const r = t < 0.5 ? 0 : clamp((t - 0.5) * 2 * 255);
  const g = t < 0.5 ? clamp(t * 2 * 255) : clamp((1 - t) * 2 * 255);
  const b = t < 0.5 ? clamp((0.5 - t) * 2 * 255) : 0;
  return `rgb(${r},${g},${b})`;
}

class Roofline extends PlotElement {
  static observedAttributes = ["src", "height"];

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.body || previous === value) return;
    if (name === "src") this.load();
    else if (this.data) this.draw();
  }

  async load() {
    const src = this.getAttribute("src");
    if (!src) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.showNotice("Loading…");
    try {
      this.data = await fetchJson(src, abort.signal);
      this.draw();
    } catch (error) {
      if (error.name !== "AbortError") this.showError(error);
    }
  }

  resized() {
    if (this.data) this.draw();
  }

  draw() {
    const data = this.data;
    const { ctx, width, height } = prepareCanvas(this, this.plotHeight);
    this.message.textContent = data.intensity.length === 0 ? "No samples with both flops_any and mem_bw" : "";
    const pad = { left: 56, right: 12, top: 12, bottom: 40 };
    const plotW = width - pad.left - pad.right, plotH = height - pad.top - pad.bottom;
    const maxPerf = Math.max(data.flopRateSimd || 0, ...data.performance.slice(0, 10000), 10);
    const xRange = [0.01, 1000];
    const yRange = [1, Math.pow(10, Math.ceil(Math.log10(maxPerf * 1.2)))];
    const xPos = (v) => pad.left + ((Math.log10(v) - Math.log10(xRange[0])) / (Math.log10(xRange[1]) - Math.log10(xRange[0]))) * plotW;
    const yPos = (v) => pad.top + plotH - ((Math.log10(v) - Math.log10(yRange[0])) / (Math.log10(yRange[1]) - Math.log10(yRange[0]))) * plotH;

    ctx.font = "11px system-ui, sans-serif";
    ctx.strokeStyle = "rgba(0,0,0,0.12)";
    ctx.fillStyle = "#495057";
    ctx.lineWidth = 1;
    ctx.textAlign = "center";
    for (let e = Math.log10(xRange[0]); e <= Math.log10(xRange[1]); e++) {
      const x = xPos(Math.pow(10, e));
      ctx.beginPath(); ctx.moveTo(x, pad.top); ctx.lineTo(x, pad.top + plotH); ctx.stroke();
      ctx.fillText(formatTick(Math.pow(10, e)), x, pad.top + plotH + 14);
    }
    ctx.textAlign = "right";
    for (let e = 0; e <= Math.log10(yRange[1]); e++) {
      const y = yPos(Math.pow(10, e));
      ctx.beginPath(); ctx.moveTo(pad.left, y); ctx.lineTo(pad.left + plotW, y); ctx.stroke();
      ctx.fillText(formatTick(Math.pow(10, e)), pad.left - 6, y + 4);
    }
    ctx.textAlign = "center";
    ctx.fillText("Intensity [F/B]", pad.left + plotW / 2, height - 6);
    ctx.save();
    ctx.translate(12, pad.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText("Performance [GF/s]", 0, 0);
    ctx.restore();

    ctx.save();
    ctx.beginPath();
    ctx.rect(pad.left, pad.top, plotW, plotH);
    ctx.clip();
    // Ceilings: memory bandwidth × intensity up to each knee, then the scalar and SIMD peaks.
    if (data.memoryBandwidth > 0 && data.flopRateSimd > 0) {
      ctx.strokeStyle = "#212529";
      ctx.lineWidth = 1.5;
      const simdKnee = data.flopRateSimd / data.memoryBandwidth;
      ctx.beginPath();
      ctx.moveTo(xPos(xRange[0]), yPos(Math.max(data.memoryBandwidth * xRange[0], yRange[0] / 10)));
      ctx.lineTo(xPos(simdKnee), yPos(data.flopRateSimd));
      ctx.lineTo(xPos(xRange[1]), yPos(data.flopRateSimd));
      ctx.stroke();
      if (data.flopRateScalar > 0) {
        const scalarKnee = data.flopRateScalar / data.memoryBandwidth;
        ctx.setLineDash([5, 4]);
        ctx.beginPath();
        ctx.moveTo(xPos(scalarKnee), yPos(data.flopRateScalar));
        ctx.lineTo(xPos(xRange[1]), yPos(data.flopRateScalar));
        ctx.stroke();
        ctx.setLineDash([]);
      }
    }
    const count = data.intensity.length;
    for (let i = 0; i < count; i++) {
      ctx.fillStyle = timeColor(data.time[i]);
      ctx.beginPath();
      ctx.arc(xPos(data.intensity[i]), yPos(data.performance[i]), 2, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();

    // Time legend: start … end.
    const legendX = pad.left + 8, legendY = pad.top + 10;
    ctx.fillStyle = "#495057";
    ctx.textAlign = "left";
    ctx.fillText("start", legendX, legendY + 4);
    for (let i = 0; i <= 20; i++) {
      ctx.fillStyle = timeColor(i / 20);
      ctx.beginPath();
      ctx.arc(legendX + 34 + i * 5, legendY, 2.5, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.fillStyle = "#495057";
    ctx.fillText("end", legendX + 34 + 21 * 5 + 2, legendY + 4);
    this.markDrawn(count, count);
  }
}

class Polar extends PlotElement {
  static observedAttributes = ["data", "height"];

  connectedCallback() {
    super.connectedCallback();
    this.draw();
  }

  attributeChangedCallback(name, previous, value) {
    if (this.body && previous !== value) this.draw();
  }

  resized() {
    this.draw();
  }

  draw() {
    let entries;
    try {
      entries = JSON.parse(this.getAttribute("data") || "[]");
    } catch (error) {
      this.showError(new Error(`data is not JSON: ${error.message}`));
      return;
    }
    if (entries.length < 3) {
      this.body.replaceChildren();
      this.showNotice("A footprint needs three or more metrics with a peak");
      this.markDrawn(0);
      return;
    }
    this.message.textContent = "";
    const { ctx, width, height } = prepareCanvas(this, this.plotHeight);
    const cx = width / 2, cy = height / 2 + 4;
    const radius = Math.min(width, height) / 2 - 34;
    const angle = (i) => -Math.PI / 2 + (i * 2 * Math.PI) / entries.length;
    const point = (i, v) => [cx + Math.cos(angle(i)) * radius * Math.min(Math.max(v ?? 0, 0), 1), cy + Math.sin(angle(i)) * radius * Math.min(Math.max(v ?? 0, 0), 1)];

    ctx.strokeStyle = "rgba(0,0,0,0.12)";
    ctx.fillStyle = "#495057";
    ctx.font = "11px system-ui, sans-serif";
    for (const ring of [0.25, 0.5, 0.75, 1]) {
      ctx.beginPath();
      entries.forEach((_, i) => {
        const [x, y] = point(i, ring);
        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      });
      ctx.closePath();
      ctx.stroke();
    }
    entries.forEach((entry, i) => {
      const [x, y] = point(i, 1);
      ctx.beginPath(); ctx.moveTo(cx, cy); ctx.lineTo(x, y); ctx.stroke();
      const [lx, ly] = [cx + Math.cos(angle(i)) * (radius + 16), cy + Math.sin(angle(i)) * (radius + 14)];
      ctx.textAlign = Math.abs(lx - cx) < 5 ? "center" : lx > cx ? "left" : "right";
      ctx.fillText(entry.name, lx, ly + 4);
    });
    const layers = [
      { key: "max", stroke: "rgb(13,110,253)", fill: "rgba(13,110,253,0.18)" },
      { key: "avg", stroke: "rgb(255,176,0)", fill: "rgba(255,193,7,0.3)" },
      { key: "min", stroke: "rgb(220,53,69)", fill: "rgba(220,53,69,0.15)" },
    ].filter((layer) => entries.some((e) => e[layer.key] != null));
    for (const layer of layers) {
      ctx.beginPath();
      entries.forEach((entry, i) => {
        const [x, y] = point(i, entry[layer.key]);
        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      });
      ctx.closePath();
      ctx.fillStyle = layer.fill;
      ctx.strokeStyle = layer.stroke;
      ctx.lineWidth = 1.5;
      ctx.fill();
      ctx.stroke();
    }
    ctx.textAlign = "left";
    layers.forEach((layer, i) => {
      ctx.fillStyle = layer.stroke;
      ctx.fillRect(8, 8 + i * 16, 10, 10);
      ctx.fillStyle = "#495057";
      ctx.fillText(layer.key, 22, 17 + i * 16);
    });
    this.markDrawn(entries.length);
  }
}

// The scope choice of a plot card: a <select data-scope-for="<plot id>"> whose options carry the plot's attributes for
// that scope (data-src, data-peak, ...). Delegated, so it works on pages rendered statically and after enhanced navigation.
document.addEventListener("change", (event) => {
  const select = event.target;
  if (!(select instanceof HTMLSelectElement) || !select.dataset.scopeFor) return;
  const plot = document.getElementById(select.dataset.scopeFor);
  const option = select.selectedOptions[0];
  if (!plot || !option) return;
  for (const name of ["peak", "normal", "caution", "alert", "unit"]) {
    const value = option.dataset[name];
    if (value == null || value === "") plot.removeAttribute(name);
    else plot.setAttribute(name, value);
  }
  plot.setAttribute("src", option.dataset.src);
});

customElements.define("cd-metric-plot", MetricPlot);
customElements.define("cd-roofline", Roofline);
customElements.define("cd-polar", Polar);
