# Draws the benchmark as an SVG: one row per endpoint, requests/s bars on the left, p99 latency
# bars on the right. Input: tab-separated "endpoint<TAB>requests/s<TAB>p99 ms" lines; the variable
# `title` (awk -v) heads the chart.
BEGIN { FS = "\t"; n = 0 }
{
  label[n] = $1; rps[n] = $2 + 0; p99[n] = $3 + 0
  if (rps[n] > maxRps) maxRps = rps[n]
  if (p99[n] > maxP99) maxP99 = p99[n]
  n++
}
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
END {
  labelW = 250; barW = 230; gap = 60; rowH = 26; top = 56
  width = labelW + 2 * barW + gap + 80; height = top + n * rowH + 16
  printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", width, height, width, height
  printf "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n"
  printf "<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>\n", esc(title)
  rpsX = labelW; p99X = labelW + barW + gap
  printf "<text x=\"%d\" y=\"44\" fill=\"#1f5fa8\">requests/s (longer is better)</text>\n", rpsX
  printf "<text x=\"%d\" y=\"44\" fill=\"#b5472e\">p99 latency, ms (shorter is better)</text>\n", p99X
  for (i = 0; i < n; i++) {
    y = top + i * rowH
    printf "<text x=\"8\" y=\"%d\">%s</text>\n", y + 15, esc(label[i])
    w = maxRps > 0 ? rps[i] / maxRps * barW : 0
    printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#1f5fa8\"/>\n", rpsX, y + 2, w
    printf "<text x=\"%.1f\" y=\"%d\">%d</text>\n", rpsX + w + 4, y + 15, rps[i]
    w = maxP99 > 0 ? p99[i] / maxP99 * barW : 0
    printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#b5472e\"/>\n", p99X, y + 2, w
    printf "<text x=\"%.1f\" y=\"%d\">%.1f</text>\n", p99X + w + 4, y + 15, p99[i]
  }
  print "</svg>"
}
