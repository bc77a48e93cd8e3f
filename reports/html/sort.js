// Sortable table: click a header to sort by that column (numbers numerically, by the
// cell's data-sort when given); click again to reverse.
(function () {
  var table = document.getElementById('submissions');
  if (!table) { return; }
  var body = table.tBodies[0];
  function value(row, col) {
    var cell = row.cells[col];
    var raw = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    var n = parseFloat(raw);
    return raw !== '' && !isNaN(n) && isFinite(raw) ? n : raw;
  }
  table.querySelectorAll('th.sortable').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th.sortable').forEach(function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, col), y = value(b, col);
        var c = (typeof x === 'number' && typeof y === 'number') ? x - y
          : String(x).localeCompare(String(y), 'ko');
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
