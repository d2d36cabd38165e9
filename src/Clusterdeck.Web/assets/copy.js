// Copy buttons: <button data-copy-target="#element-id"> copies that element's value (or text) to the clipboard.
// One listener on the document, so buttons on pages reached by Blazor's enhanced navigation work too.
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-copy-target]") : null;
  if (!button) {
    return;
  }

  const source = document.querySelector(button.getAttribute("data-copy-target"));
  if (!source) {
    return;
  }

  const text = "value" in source ? source.value : source.textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // The clipboard API needs a secure context (https or localhost); elsewhere select the text for Ctrl+C.
    if (typeof source.select === "function") {
      source.select();
    }
    return;
  }

  button.setAttribute("data-copied", "true");
  const label = button.innerHTML;
  button.innerHTML = '<i class="bi bi-clipboard-check"></i> Copied';
  setTimeout(() => {
    button.innerHTML = label;
    button.removeAttribute("data-copied");
  }, 1500);
});
