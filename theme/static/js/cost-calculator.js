/* Cost calculator (component: templates/components/cost-calculator/cost-calculator.html + this
   script + css/cost-calculator.css). It only evaluates the line-item model the
   build writes into #cost-calculator-model from the PRICING setting: no price or rule lives
   here. plugins/practice_site/cost_calculator/model.py is the same evaluation in Python (for the
   table shown without JavaScript); tests run shared vectors through both. */
(function () {
  'use strict';
  var d = document, data = d.getElementById('cost-calculator-model'), form = d.getElementById('cost-calculator-form');
  if (!data || !form) return;
  var model = JSON.parse(data.textContent), inputs = model.inputs,
    root = form.closest('.cost-calculator'),
    follow = true; // integration sessions follow the medicine sessions until the visitor edits them

  // "$1,234": the same as format_usd() in model.py.
  function usd(n) { return '$' + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  // A count or hours term: plus + times * choice.
  function term(t, v) { return (t.plus || 0) + (t.input ? (t.times == null ? 1 : t.times) * v[t.input] : 0); }
  function dflt(name, v) {
    var x = inputs[name]['default'];
    return x !== null && typeof x === 'object' ? term(x, v) : x;
  }

  // One field's value for the estimate: a valid entry, or else the nearest valid
  // value, with a message next to the field saying what to enter.
  function read(el, v) {
    var spec = inputs[el.name], s = el.value.trim().replace(/%$/, ''), n = Number(s),
      range = ', from ' + spec.min + ' to ' + spec.max + '.', ask = 'Enter ' + el.dataset.noun,
      err = d.getElementById(el.id + '-error'), used, why = '';
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) {
      used = dflt(el.name, v);
      if (s) why = ask + ' as a number' + range;
      else if (used !== null) why = ask + range;
    } else {
      used = Math.min(spec.max, Math.max(spec.min, Math.round(n)));
      if (n !== Math.floor(n)) why = ask + ' as a whole number' + range;
      else if (n !== used) why = ask + range;
    }
    err.textContent = why ? why + (used === null ? ' The estimate leaves it out.' : ' The estimate uses ' + used + '.') : '';
    err.hidden = !why;
    el.setAttribute('aria-describedby', el.id + '-hint' + (why ? ' ' + err.id : ''));
    if (why) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
    return used;
  }

  // The model evaluated: the text of every [data-out] and whether each [data-show] shows.
  function evaluate(v) {
    var out = {}, show = {}, sum = { practice: 0, prescriber: 0 }, back = 0;
    model.lines.forEach(function (l) {
      var c = term(l.count, v), h = l.hours ? term(l.hours, v) : null, a = c * l.price * (h === null ? 1 : h);
      out[l.id + '.count'] = String(c);
      out[l.id + '.hours'] = h === null ? '' : String(h);
      out[l.id + '.amount'] = usd(a);
      show[l.id] = c > 0;
      sum[l.payee] += a;
      if (l.reimbursable) back += a;
    });
    var p = v.reimbursement, all = sum.practice + sum.prescriber,
      r = p === null ? null : Math.floor(back * p / 100); // whole dollars, rounded down
    out.practice_total = usd(sum.practice);
    out.prescriber_total = usd(sum.prescriber);
    out.grand_total = usd(all);
    out.reimbursement = r === null ? '' : usd(r);
    out.net = r === null ? '' : usd(all - r);
    out.reimbursement_percent = p === null ? '' : String(p);
    show.reimbursement = p !== null;
    return [out, show];
  }

  function update(e) {
    if (e && e.target.name === 'integration') follow = false;
    var v = { existing_client: Number(form.elements.existing_client.value) };
    form.querySelectorAll('.cost-calculator__input').forEach(function (el) {
      if (el.name === 'integration' && follow) el.value = dflt('integration', v);
      v[el.name] = read(el, v);
    });
    var r = evaluate(v);
    root.querySelectorAll('[data-out]').forEach(function (el) {
      var text = r[0][el.dataset.out];
      if (el.textContent !== text) el.textContent = text; // unchanged text is not announced again
    });
    root.querySelectorAll('[data-show]').forEach(function (el) { el.hidden = !r[1][el.dataset.show]; });
  }

  form.addEventListener('input', update);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.hidden = false;
  root.querySelector('.cost-calculator__nojs').hidden = true;
  update();
})();
