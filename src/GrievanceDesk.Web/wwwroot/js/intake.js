// 来件登记: a little plain JavaScript that saves round trips — the similar-case lookup as the desk types, another
// complainant row, Ctrl+Enter to save. The form works without it.
(function () {
  'use strict';
  var form = document.getElementById('intake-form');
  if (!form) { return; }

  var list = document.getElementById('similar-list');
  var hint = document.getElementById('similar-hint');
  var selected = list.getAttribute('data-selected') || (form.querySelector('input[name="Input.RepeatOfCaseId"]:checked') || {}).value || '';

  // Keyboard first: Ctrl+Enter saves as new; Enter moves to the next field (a new line only inside the content box).
  function focusables() {
    return Array.prototype.filter.call(form.querySelectorAll('input, select, textarea, button'), function (el) {
      return !el.disabled && el.tabIndex >= 0 && el.type !== 'hidden' && el.tagName !== 'BUTTON' && el.offsetParent !== null;
    });
  }
  form.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || e.defaultPrevented || e.isComposing) { return; }
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      document.getElementById('save-new').click();
      return;
    }
    var t = e.target;
    if (t.tagName === 'TEXTAREA' || t.tagName === 'BUTTON' || t.type === 'file' || t.type === 'submit') { return; }
    e.preventDefault();
    var all = focusables();
    var next = all[all.indexOf(t) + 1];
    if (next) { next.focus(); }
  });

  // After a refused save the cursor goes to the first field that needs fixing (called once the comboboxes exist).
  function focusFirstError() {
    var firstError = Array.prototype.find.call(form.querySelectorAll('.field-error'), function (s) { return s.textContent.trim(); });
    var field = firstError && firstError.closest('.field, fieldset');
    if (!field) { return false; }
    var target = field.querySelector('.combo-input') ||
      Array.prototype.find.call(field.querySelectorAll('input, select, textarea'), function (el) { return el.type !== 'hidden' && el.type !== 'checkbox' && !el.hidden && !el.disabled; });
    if (target) { target.focus(); }
    return !!target;
  }

  // One case per form: the button disables while saving (the key in the form stops a resubmit from logging twice).
  form.addEventListener('submit', function (e) {
    var submitter = e.submitter;
    if (submitter && submitter.id === 'save-new' && list.querySelector('[data-testid=similar-item]') &&
        !window.confirm('右侧列出了可能重复的案件。确定不作为重复件，而是保存为新件吗？')) {
      e.preventDefault();
      return;
    }
    if (form.getAttribute('data-saving')) { e.preventDefault(); return; }
    form.setAttribute('data-saving', '1');
    if (submitter && submitter.name) {
      var mode = document.createElement('input');
      mode.type = 'hidden';
      mode.name = submitter.name;
      mode.value = submitter.value;
      form.appendChild(mode);
    }
    window.setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
      if (submitter) { submitter.textContent = '正在保存……'; }
    }, 0);
  });

  // 问题分类 and 属地 as type-ahead comboboxes: by characters, pinyin initials (wy → 物业管理) or code.
  form.querySelectorAll('select[data-combobox]').forEach(function (select) {
    var box = document.createElement('div');
    box.className = 'combo';
    var input = document.createElement('input');
    input.type = 'text';
    input.className = 'combo-input';
    input.id = select.id + '_search';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('autocomplete', 'off');
    input.placeholder = select.getAttribute('data-combobox');
    var listbox = document.createElement('ul');
    listbox.className = 'combo-list';
    listbox.id = select.id + '_list';
    listbox.setAttribute('role', 'listbox');
    listbox.hidden = true;
    input.setAttribute('aria-controls', listbox.id);
    box.appendChild(input);
    box.appendChild(listbox);
    select.parentNode.insertBefore(box, select);
    select.hidden = true;
    select.tabIndex = -1;
    var label = form.querySelector('label[for="' + select.id + '"]');
    if (label) { label.setAttribute('for', input.id); }

    var options = Array.prototype.filter.call(select.options, function (o) { return o.value; });
    function show(o) { return o ? o.textContent.replace(/^\u3000+/, '') : ''; }
    input.value = show(select.selectedOptions[0] && select.selectedOptions[0].value ? select.selectedOptions[0] : null);
    var matches = [];
    var active = -1;

    function choose(o) {
      select.value = o.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      input.value = show(o);
      close();
    }
    function close() { listbox.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; }
    function paint() {
      listbox.innerHTML = '';
      matches.forEach(function (o, i) {
        var li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.id = listbox.id + '_' + i;
        li.textContent = show(o);
        if (i === active) { li.className = 'active'; li.setAttribute('aria-selected', 'true'); input.setAttribute('aria-activedescendant', li.id); }
        li.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(o); });
        listbox.appendChild(li);
      });
      listbox.hidden = matches.length === 0;
      input.setAttribute('aria-expanded', String(!listbox.hidden));
    }
    function filter() {
      var q = input.value.trim().toLowerCase();
      if (!q) { matches = []; paint(); return; }
      matches = options.filter(function (o) {
        var keys = (o.getAttribute('data-search') || '').split(' ');
        return o.textContent.toLowerCase().indexOf(q) >= 0 || keys.some(function (k) { return k.indexOf(q) === 0; });
      }).slice(0, 12);
      active = matches.length ? 0 : -1;
      paint();
    }
    input.addEventListener('input', filter);
    input.addEventListener('blur', close);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (listbox.hidden) { filter(); return; }
        active = (active + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % Math.max(matches.length, 1);
        paint();
      } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !listbox.hidden && active >= 0) {
        // Enter takes the highlighted entry; the form's Enter handler then moves on.
        choose(matches[active]);
      } else if (e.key === 'Tab' && !listbox.hidden && active >= 0) {
        choose(matches[active]);
      } else if (e.key === 'Escape') {
        close();
      }
    });
  });
  focusFirstError();

  // Anonymous: no complainant rows.
  var anonymous = document.getElementById('anonymous');
  var rows = document.getElementById('complainants');
  var add = document.getElementById('add-complainant');
  function syncAnonymous() {
    var on = anonymous.checked;
    rows.hidden = on;
    add.hidden = on;
    rows.querySelectorAll('input').forEach(function (i) { i.disabled = on; });
  }
  anonymous.addEventListener('change', syncAnonymous);
  syncAnonymous();

  add.addEventListener('click', function () {
    var all = rows.querySelectorAll('.complainant');
    var last = all[all.length - 1];
    var copy = last.cloneNode(true);
    var index = all.length;
    copy.setAttribute('data-index', index);
    copy.querySelectorAll('[name],[id],[for],[data-valmsg-for]').forEach(function (el) {
      ['name', 'id', 'for', 'data-valmsg-for'].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v) { el.setAttribute(attr, v.replace(/Complainants\[\d+\]/, 'Complainants[' + index + ']').replace(/Complainants_\d+__/, 'Complainants_' + index + '__')); }
      });
      if (el.tagName === 'INPUT') { el.value = ''; el.classList.remove('input-validation-error'); }
    });
    copy.querySelectorAll('.field-error').forEach(function (s) { s.textContent = ''; });
    rows.appendChild(copy);
    copy.querySelector('input').focus();
  });

  // Consultations may be answered on the spot.
  var kind = document.getElementById('kind');
  var answerBox = document.getElementById('answer-box');
  function syncKind() { answerBox.hidden = kind.value !== 'Consultation'; }
  kind.addEventListener('change', syncKind);
  syncKind();

  // Earlier and similar cases: GET /api/cases/lookup with the sign-in cookie.
  function first(kindName) {
    var inputs = form.querySelectorAll('[data-lookup="' + kindName + '"]');
    for (var i = 0; i < inputs.length; i++) {
      if (!inputs[i].disabled && inputs[i].value.trim()) { return inputs[i].value.trim(); }
    }
    return '';
  }

  var timer = null;
  var lastQuery = '';
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(lookup, 350);
  }

  function lookup() {
    var phone = first('phone');
    var idNumber = first('idNumber');
    var address = first('address');
    var content = first('content');
    var params = new URLSearchParams();
    if (phone.length >= 7) { params.set('phone', phone); }
    if (idNumber.length >= 15) { params.set('idNumber', idNumber); }
    if (address.length >= 4) { params.set('address', address); }
    if (!params.toString()) { render([]); return; }
    if (content) { params.set('content', content.slice(0, 1000)); }
    var query = params.toString();
    if (query === lastQuery) { return; }
    lastQuery = query;
    hint.textContent = '正在查找……';
    fetch('/api/cases/lookup?' + query, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(render)
      .catch(function () { render([]); });
  }

  function text(tag, cls, value) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    el.textContent = value;
    return el;
  }

  // The same phone called before: offer to fill the name and address the desk took then.
  function offerCaller(items) {
    var known = items.filter(function (c) { return c.callerName; })[0];
    var row = form.querySelector('.complainant');
    var name = row && row.querySelector('[data-fill=name]');
    if (!known || !name || name.value.trim()) { return; }
    var offer = document.createElement('button');
    offer.type = 'button';
    offer.className = 'btn btn-sm fill-caller';
    offer.setAttribute('data-testid', 'fill-caller');
    offer.textContent = '填入来电人：' + known.callerName + (known.callerAddress ? '，' + known.callerAddress : '');
    offer.addEventListener('click', function () {
      name.value = known.callerName;
      var address = row.querySelector('[data-fill=address]');
      if (address && known.callerAddress && !address.value.trim()) { address.value = known.callerAddress; }
      offer.remove();
      name.focus();
    });
    list.appendChild(offer);
  }

  function render(items) {
    list.innerHTML = '';
    if (!items.length) {
      hint.textContent = lastQuery ? '未找到既往或相似案件。' : '输入电话、身份证号或地址后自动查找（近180天内及未结案件）。';
      return;
    }
    hint.textContent = '找到 ' + items.length + ' 件既往或相似案件：';
    offerCaller(items);
    items.forEach(function (c) {
      var item = document.createElement('label');
      item.className = 'similar-item';
      item.setAttribute('data-testid', 'similar-item');
      var radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'Input.RepeatOfCaseId';
      radio.value = c.id;
      radio.checked = String(c.id) === String(selected);
      radio.addEventListener('change', function () { selected = c.id; });
      item.appendChild(radio);
      var body = document.createElement('div');
      var head = document.createElement('div');
      head.className = 'similar-head';
      var link = text('a', 'mono', c.trackingNo);
      link.href = '/cases/' + c.id;
      link.target = '_blank';
      head.appendChild(link);
      head.appendChild(text('span', 'badge st-' + c.status.replace(/_/g, '-'), c.statusName));
      body.appendChild(head);
      body.appendChild(text('div', 'similar-subject', c.subject));
      body.appendChild(text('div', 'muted small', c.address + (c.unitName ? ' · ' + c.unitName : '') + ' · ' + c.registeredAt.slice(0, 10)));
      body.appendChild(text('div', 'similar-reasons', c.reasons.map(function (r) { return r.replace(/\s*\(.*\)$/, ''); }).join('；')));
      item.appendChild(body);
      list.appendChild(item);
    });
  }

  form.addEventListener('input', function (e) {
    if (e.target.hasAttribute && e.target.hasAttribute('data-lookup')) { schedule(); }
  });
  lookup();
})();
