// Small form behaviours without inline script (the Content-Security-Policy allows scripts from files only):
// form[data-confirm] asks before it is sent; select[data-autosubmit] sends its form when changed.
(function () {
    'use strict';
    document.addEventListener('submit', function (e) {
        var form = e.target;
        var question = form.getAttribute && form.getAttribute('data-confirm');
        if (question && !window.confirm(question)) {
            e.preventDefault();
        }
    });
    document.addEventListener('change', function (e) {
        var el = e.target;
        if (el.matches && el.matches('select[data-autosubmit]') && el.form) {
            el.form.submit();
        }
    });
}());
