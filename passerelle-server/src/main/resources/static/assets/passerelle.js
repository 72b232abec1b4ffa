// Progressive enhancements only: every page works without this script.
document.addEventListener("DOMContentLoaded", () => {
    // Move focus to an error summary so screen-reader users hear what went wrong (GOV.UK pattern).
    const summary = document.querySelector("[data-autofocus]");
    if (summary) {
        summary.focus();
    }
});
