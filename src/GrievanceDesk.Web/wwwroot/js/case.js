// The case page: the revealed numbers hide themselves after a while, and a click copies one.
(function () {
    'use strict';

    var revealed = document.querySelector('[data-testid="revealed"]');
    if (revealed) {
        var left = parseInt(revealed.getAttribute('data-expires-in'), 10) || 60;
        var counter = revealed.querySelector('.reveal-countdown');
        var timer = window.setInterval(function () {
            left -= 1;
            if (counter) {
                counter.textContent = String(Math.max(left, 0));
            }
            if (left <= 0) {
                window.clearInterval(timer);
                revealed.remove();
                var gone = document.querySelector('[data-testid="revealed-gone"]');
                if (gone) {
                    gone.hidden = false;
                }
            }
        }, 1000);
    }

    function copied(button, ok) {
        var label = button.textContent;
        button.textContent = ok ? '已复制' : '复制失败，请手动选择';
        window.setTimeout(function () { button.textContent = label; }, 2000);
    }

    document.addEventListener('click', function (e) {
        var button = e.target.closest('.copy-btn');
        if (!button) {
            return;
        }
        var text = button.getAttribute('data-copy') || '';
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(function () { copied(button, true); }, function () { copied(button, false); });
            return;
        }
        // Plain http inside the office network: the older way.
        var area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.className = 'offscreen';
        document.body.appendChild(area);
        area.select();
        var ok = false;
        try {
            ok = document.execCommand('copy');
        } catch (err) {
            ok = false;
        }
        area.remove();
        copied(button, ok);
    });
}());
