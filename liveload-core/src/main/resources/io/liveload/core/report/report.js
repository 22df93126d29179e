// Shows the values of a chart under the mouse: a vertical cursor and a tooltip with each line's value.
// Reads the numbers from the chart's data attributes and writes text only, never HTML.
(function () {
  function clock(seconds) {
    var total = Math.round(seconds);
    var minutes = Math.floor(total / 60);
    var rest = total % 60;
    return minutes + ':' + (rest < 10 ? '0' : '') + rest;
  }

  document.querySelectorAll('figure.chart').forEach(function (figure) {
    var svg = figure.querySelector('svg');
    if (!svg) {
      return;
    }
    var times = svg.dataset.seconds.split(',').map(Number);
    var x0 = Number(svg.dataset.x0);
    var x1 = Number(svg.dataset.x1);
    var t0 = Number(svg.dataset.t0);
    var t1 = Number(svg.dataset.t1);
    var width = svg.viewBox.baseVal.width;
    var cursor = svg.querySelector('.cursor');
    var tip = figure.querySelector('.tip');
    var lines = Array.prototype.map.call(svg.querySelectorAll('path.line'), function (path) {
      return {label: path.dataset.label, values: path.dataset.values.split(',')};
    });

    svg.addEventListener('mousemove', function (event) {
      var box = svg.getBoundingClientRect();
      var x = (event.clientX - box.left) / box.width * width;
      var second = t0 + (x - x0) / (x1 - x0) * (t1 - t0);
      var low = 0;
      var high = times.length - 1;
      while (low < high) {
        var middle = (low + high) >> 1;
        if (times[middle] < second) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      if (low > 0 && Math.abs(times[low - 1] - second) < Math.abs(times[low] - second)) {
        low--;
      }
      var cursorX = x0 + (times[low] - t0) / (t1 - t0) * (x1 - x0);
      cursor.setAttribute('x1', cursorX);
      cursor.setAttribute('x2', cursorX);
      cursor.style.visibility = 'visible';

      tip.textContent = '';
      var heading = document.createElement('b');
      heading.textContent = clock(times[low]);
      tip.appendChild(heading);
      lines.forEach(function (line) {
        var row = document.createElement('span');
        var value = line.values[low] === '' ? 'n/a' : line.values[low] + ' ' + figure.dataset.unit;
        row.textContent = (line.label ? line.label + ': ' : '') + value;
        tip.appendChild(row);
      });
      tip.hidden = false;
      var frame = figure.getBoundingClientRect();
      var left = box.left - frame.left + cursorX / width * box.width + 12;
      if (left + tip.offsetWidth > frame.width) {
        left -= tip.offsetWidth + 24;
      }
      tip.style.left = left + 'px';
      tip.style.top = (box.top - frame.top + 8) + 'px';
    });

    svg.addEventListener('mouseleave', function () {
      cursor.style.visibility = 'hidden';
      tip.hidden = true;
    });
  });
})();
