// 来件登记: a little plain JavaScript that saves round trips — the similar-case lookup as the desk types, another
// complainant row, Ctrl+Enter to save. The form works without it.
(function () {
  'use strict';
  var form = document.getElementById('intake-form');
  if (!form) { return; }

  var list = document.getElementById('similar-list');
  var hint = document.getElementById('similar-hint');
  var selected = list.getAttribute('data-selected') || (form.querySelector('input[name="Input.RepeatOfCaseId"]:checked') || {}).value || '';

  form.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      document.getElementById('save-new').click();
    }
  });

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

  function render(items) {
    list.innerHTML = '';
    if (!items.length) {
      hint.textContent = lastQuery ? '未找到既往或相似案件。' : '输入电话、身份证号或地址后自动查找（近180天内及未结案件）。';
      return;
    }
    hint.textContent = '找到 ' + items.length + ' 件既往或相似案件：';
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
