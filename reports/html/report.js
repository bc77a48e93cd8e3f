// Filters by category and severity: a finding shows when both its boxes are ticked;
// groups left without a visible finding are hidden too.
(function () {
  var boxes = document.querySelectorAll('#filters input[type=checkbox]');
  function ticked(name) {
    var out = {};
    document.querySelectorAll('#filters input[name="' + name + '"]').forEach(function (b) {
      if (b.checked) { out[b.value] = true; }
    });
    return out;
  }
  function apply() {
    var cats = ticked('category'), sevs = ticked('severity'), shown = 0;
    document.querySelectorAll('article.finding').forEach(function (a) {
      var on = cats[a.dataset.category] === true && sevs[a.dataset.severity] === true;
      a.classList.toggle('hidden', !on);
      if (on) { shown += 1; }
    });
    document.querySelectorAll('.ind-group, .sev-group').forEach(function (g) {
      g.classList.toggle('hidden', g.querySelector('article.finding:not(.hidden)') === null);
    });
    var counter = document.getElementById('shown-count');
    if (counter) { counter.textContent = String(shown); }
    var empty = document.getElementById('empty');
    if (empty) { empty.classList.toggle('hidden', shown > 0); }
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  document.querySelectorAll('#filters button[data-all]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var on = btn.dataset.all === 'on';
      boxes.forEach(function (b) { b.checked = on; });
      apply();
    });
  });
  apply();
})();
