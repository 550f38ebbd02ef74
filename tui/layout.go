package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// The smallest terminal the screens are drawn in: below it every screen is
// one line saying the size needed and the size now. At the minimum the
// dashboard keeps its header, gauge and tip title, the history its grid
// (the columns that fit) and the trends their newest weeks.
const (
	minWidth  = 40
	minHeight = 12
	// padFrom is the height from which a blank line is kept above and
	// below every screen; a shorter terminal spends it on the screen.
	padFrom = 20
)

// tooSmall is the one line shown when the terminal is smaller than a
// screen needs: the size needed and the size now, in as many words as
// width allows.
func tooSmall(needW, needH, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	return fitFirst(w,
		fmt.Sprintf("laceup needs a terminal of at least %dx%d; this one is %dx%d.", needW, needH, w, h),
		fmt.Sprintf("laceup needs %dx%d; this is %dx%d.", needW, needH, w, h),
		fmt.Sprintf("needs %dx%d, is %dx%d", needW, needH, w, h),
		fmt.Sprintf("%dx%d<%dx%d", w, h, needW, needH),
	)
}

// fitFirst returns the first of the candidates that fits in width cells,
// or else the last one cut to width.
func fitFirst(width int, candidates ...string) string {
	for _, c := range candidates {
		if lipgloss.Width(c) <= width {
			return c
		}
	}
	return truncate(candidates[len(candidates)-1], max(0, width))
}

// wrapItems joins items with sep into lines of at most width cells,
// breaking only between items, so that a mark such as ✗ stays with its
// words. An item wider than width is wrapped on its own.
func wrapItems(items []string, sep string, width int) string {
	var lines []string
	line := ""
	for _, it := range items {
		if it == "" {
			continue
		}
		switch {
		case line == "":
			line = it
		case lipgloss.Width(line+sep+it) <= width:
			line += sep + it
		default:
			lines = append(lines, line)
			line = it
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	for i, l := range lines {
		if lipgloss.Width(l) > width {
			lines[i] = lipgloss.NewStyle().Width(max(1, width)).Render(l)
		}
	}
	return strings.Join(lines, "\n")
}

// splitLines splits a rendered block into its lines; the empty block has none.
func splitLines(block string) []string {
	if block == "" {
		return nil
	}
	return strings.Split(block, "\n")
}

// truncate cuts s to at most n cells, ending with an ellipsis when cut. It
// understands styled text, so no colour sequence is cut in half.
func truncate(s string, n int) string {
	return ansi.Truncate(s, n, "…")
}

// cutWords cuts plain text to at most n cells at a space, ending with an
// ellipsis when cut; a text with no space early enough is cut mid-word.
func cutWords(s string, n int) string {
	if lipgloss.Width(s) <= n {
		return s
	}
	head := ansi.Truncate(s, max(0, n-1), "")
	if i := strings.LastIndex(head, " "); i > len(head)/2 {
		head = head[:i]
	}
	return strings.TrimRight(head, " ,;:") + "…"
}
