# Draws the benchmark as an SVG: one row per endpoint, requests/s bars on the left, p99 latency
# bars on the right, one bar per target (the jar on the host, the image in containers) in each row.
# Input: tab-separated "endpoint<TAB>requests/s<TAB>p99 ms[<TAB>requests/s<TAB>p99 ms...]" lines,
# one pair of figures per target; an empty pair is a target not measured (no bar). Variables
# (awk -v): `title` heads the chart, `series` names the targets, separated by "|" (default "jar").
BEGIN {
  FS = "\t"; n = 0
  if (series == "") series = "jar"
  k = split(series, name, "|")
  # one shade of each colour per target, darkest first
  split("#1f5fa8|#5b8fd0|#9dbde6", blue, "|")
  split("#b5472e|#d9785f|#efb09f", red, "|")
}
{
  label[n] = $1
  for (s = 1; s <= k; s++) {
    has[n, s] = $(2 * s) != ""
    rps[n, s] = $(2 * s) + 0; p99[n, s] = $(2 * s + 1) + 0
    if (rps[n, s] > maxRps) maxRps = rps[n, s]
    if (p99[n, s] > maxP99) maxP99 = p99[n, s]
  }
  n++
}
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
function shade(list, s) { return list[(s - 1) % 3 + 1] }
END {
  labelW = 250; barW = 230; gap = 60; barH = k > 1 ? 12 : 18; rowH = k * barH + 8
  top = k > 1 ? 74 : 56
  width = labelW + 2 * barW + gap + 80; height = top + n * rowH + 16
  printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", width, height, width, height
  printf "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n"
  printf "<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>\n", esc(title)
  rpsX = labelW; p99X = labelW + barW + gap
  printf "<text x=\"%d\" y=\"44\" fill=\"#1f5fa8\">requests/s (longer is better)</text>\n", rpsX
  printf "<text x=\"%d\" y=\"44\" fill=\"#b5472e\">p99 latency, ms (shorter is better)</text>\n", p99X
  if (k > 1) {
    x = 8
    for (s = 1; s <= k; s++) {
      printf "<rect x=\"%d\" y=\"54\" width=\"10\" height=\"10\" fill=\"%s\"/>\n", x, shade(blue, s)
      printf "<rect x=\"%d\" y=\"54\" width=\"10\" height=\"10\" fill=\"%s\"/>\n", x + 12, shade(red, s)
      printf "<text x=\"%d\" y=\"63\">%s</text>\n", x + 26, esc(name[s])
      x += 34 + 7 * length(name[s]) + 16
    }
  }
  fs = k > 1 ? 10 : 12
  for (i = 0; i < n; i++) {
    y = top + i * rowH
    printf "<text x=\"8\" y=\"%d\">%s</text>\n", y + rowH / 2 + 4, esc(label[i])
    for (s = 1; s <= k; s++) {
      by = y + 2 + (s - 1) * barH
      if (!has[i, s]) {
        printf "<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"#777777\">%s: not measured</text>\n", rpsX + 4, by + barH - 2, fs, esc(name[s])
        continue
      }
      w = maxRps > 0 ? rps[i, s] / maxRps * barW : 0
      printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", rpsX, by, w, barH - 1, shade(blue, s)
      printf "<text x=\"%.1f\" y=\"%d\" font-size=\"%d\">%d</text>\n", rpsX + w + 4, by + barH - 2, fs, rps[i, s]
      w = maxP99 > 0 ? p99[i, s] / maxP99 * barW : 0
      printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", p99X, by, w, barH - 1, shade(red, s)
      printf "<text x=\"%.1f\" y=\"%d\" font-size=\"%d\">%.1f</text>\n", p99X + w + 4, by + barH - 2, fs, p99[i, s]
    }
  }
  print "</svg>"
}
