// A select marked data-autosubmit submits its form when changed (kept out of the markup: the CSP allows no inline handlers).
document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
});
