// <cd-histogram points='[[x, count], ...]' label="Duration" x-label="hours" y-label="jobs" height="160" empty="no jobs">
// A bar chart of job counts drawn with uPlot. The data comes in the `points` attribute (JSON), so static pages need no
// extra request; when Blazor changes an attribute the chart is drawn again. After drawing it sets data-drawn="<bars>".
import uPlot from "uplot";

const observed = ["points", "label", "x-label", "y-label", "height", "empty"];

function cssColour(name, fallback) {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

class HistogramElement extends HTMLElement {
  static get observedAttributes() { return observed; }

  connectedCallback() {
    this.resizeObserver ??= new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this);
    // Blazor's enhanced navigation merges the new page into the DOM and drops children it did not render (the chart);
    // draw again when that happens.
    this.childObserver ??= new MutationObserver(() => {
      if (this.drawnContent && !this.contains(this.drawnContent)) this.draw();
    });
    this.childObserver.observe(this, { childList: true });
    this.draw();
  }

  disconnectedCallback() {
    this.resizeObserver?.disconnect();
    this.childObserver?.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  attributeChangedCallback() {
    if (this.isConnected) this.draw();
  }

  points() {
    try {
      const parsed = JSON.parse(this.getAttribute("points") || "[]");
      return Array.isArray(parsed) ? parsed.filter((p) => Array.isArray(p) && p.length >= 2) : [];
    } catch {
      return [];
    }
  }

  resize() {
    if (this.plot && this.clientWidth > 0 && Math.abs(this.plot.width - this.clientWidth) > 1) {
      this.plot.setSize({ width: this.clientWidth, height: this.plot.height });
    }
  }

  draw() {
    this.plot?.destroy();
    this.plot = null;
    this.replaceChildren();
    const points = this.points();
    const title = this.getAttribute("label") || "";
    if (points.length === 0 || points.every(([, count]) => !count)) {
      const empty = document.createElement("div");
      empty.className = "small text-body-secondary";
      empty.textContent = `${title}: ${this.getAttribute("empty") || "no jobs"}`;
      this.append(empty);
      this.drawnContent = empty;
      this.setAttribute("data-drawn", "0");
      return;
    }

    // Bins are drawn side by side whatever their values (1, 2, 4, 32 nodes), labelled with the value.
    const labels = points.map((p) => String(p[0]));
    const xs = points.map((p, i) => i);
    const ys = points.map((p) => Number(p[1]));
    const colour = cssColour("--bs-primary", "#0d6efd");
    const width = Math.max(this.clientWidth, 200);
    const every = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor(width / 45))));
    const options = {
      title,
      width,
      height: Number(this.getAttribute("height")) || 160,
      legend: { show: false },
      cursor: { points: { show: false }, drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: () => [-0.5, xs.length - 0.5] },
        y: { range: (u, min, max) => [0, Math.max(1, max * 1.05)] },
      },
      axes: [
        {
          label: this.getAttribute("x-label") || "",
          size: 40,
          labelSize: 18,
          splits: () => xs.filter((i) => i % every === 0),
          values: (u, splits) => splits.map((i) => labels[i] ?? ""),
          grid: { show: false },
        },
        { label: this.getAttribute("y-label") || "jobs", size: 50, labelSize: 18 },
      ],
      series: [
        {},
        {
          label: this.getAttribute("y-label") || "jobs",
          fill: colour + "99",
          stroke: colour,
          width: 1,
          paths: uPlot.paths.bars({ size: [0.8, 80], align: 0 }),
          points: { show: false },
        },
      ],
    };
    this.plot = new uPlot(options, [xs, ys], this);
    this.drawnContent = this.plot.root;
    this.setAttribute("data-drawn", String(xs.length));
  }
}

if (!customElements.get("cd-histogram")) customElements.define("cd-histogram", HistogramElement);
