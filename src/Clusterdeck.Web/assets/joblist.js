// The job list's filter form (JobList/JobFilterBar.razor). The URL scheme writes ranges as one parameter, min..max, but a
// form has a field per end; on submit this joins them, leaves empty fields out and navigates to the short address.
//   [data-range="NAME"]       holds [data-bound=min] and [data-bound=max]: NAME=min..max, unless a field of the form
//                             already gave NAME a value (a start-time preset wins over typed dates).
//   [data-footprint-range]    holds select[data-range-name] (a footprint key) and the two bounds: fp.KEY=min..max.

function boundsOf(container) {
  const min = container.querySelector("[data-bound=min]")?.value.trim() ?? "";
  const max = container.querySelector("[data-bound=max]")?.value.trim() ?? "";
  if (!min && !max) return "";
  return min === max ? min : `${min}..${max}`;
}

function filterAddress(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    const text = String(value).trim();
    if (text) params.append(name, text);
  }
  for (const container of form.querySelectorAll("[data-range]")) {
    const name = container.dataset.range;
    const value = boundsOf(container);
    if (value && !params.has(name)) params.set(name, value);
  }
  for (const container of form.querySelectorAll("[data-footprint-range]")) {
    const key = container.querySelector("[data-range-name]")?.value;
    const value = boundsOf(container);
    if (key && value) params.set(`fp.${key}`, value);
  }
  const query = params.toString().replaceAll("%2C", ",").replaceAll("%2A", "*").replaceAll("%3A", ":");
  const path = new URL(form.action, location.href).pathname;
  return query ? `${path}?${query}` : path;
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-job-filter")) return;
  event.preventDefault();
  const address = filterAddress(form);
  // Blazor's enhanced navigation keeps the page's live parts connected; a plain load works too.
  if (window.Blazor?.navigateTo) window.Blazor.navigateTo(address);
  else location.assign(address);
}, true);
