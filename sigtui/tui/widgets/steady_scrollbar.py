"""A scroll bar drawn again only when its thumb moves or changes length by an eighth of a cell. Textual's draws
itself again whenever its widget's length changes, by one line or a thousand: in a tree of a thousand galleries,
on every node opened, for a thumb that stays where it was. Relies on the pinned Textual's `ScrollBar` reactives,
`Widget._vertical_scrollbar` and `Widget._scroll_update` (a test holds its drawing equal to Textual's)."""

from __future__ import annotations

from math import ceil

from textual.geometry import Size
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar, ScrollBarRender

EIGHTHS = len(ScrollBarRender.VERTICAL_BARS)


class SteadyScrollBar(ScrollBar):
    """Textual's scroll bar, whose length and position redraw it only when they move its thumb."""

    window_virtual_size: Reactive[int] = Reactive(100, repaint=False)
    window_size: Reactive[int] = Reactive(0, repaint=False)
    position: Reactive[float] = Reactive(0, repaint=False)

    _drawn: tuple[int, ...] | None = None
    """The thumb last asked to be drawn: the bar's length and the thumb's first and last eighth."""

    def thumb(self) -> tuple[int, ...]:
        """The bar's length and its thumb's first and last eighth (no thumb: the length alone), worked out as
        `ScrollBarRender.render_bar` draws them."""
        size = self.size.height if self.vertical else self.size.width
        virtual = ceil(self.window_virtual_size)
        window = ceil(self.window_size if self.window_size < self.window_virtual_size else 0)
        if not (window and size and virtual and size != virtual):
            return (size,)
        length = max(1, window / (virtual / size))
        start = int((size - length) * (self.position / (virtual - window)) * EIGHTHS)
        return size, start, start + ceil(length * EIGHTHS)

    def _redraw_if_moved(self) -> None:
        thumb = self.thumb()
        if thumb != self._drawn:
            self._drawn = thumb
            self.refresh()

    def watch_window_virtual_size(self) -> None:
        self._redraw_if_moved()

    def watch_window_size(self) -> None:
        self._redraw_if_moved()

    def watch_position(self) -> None:
        self._redraw_if_moved()

    def on_resize(self) -> None:
        """A new length draws the bar again (Textual does): its thumb as drawn now."""
        self._drawn = self.thumb()


class SteadyVerticalScrollBar:
    """Mixed into a widget before Textual's `Widget`: its vertical scroll bar is a `SteadyScrollBar`, which its
    layout updates without drawing it again (`Widget._scroll_update` less its unconditional refreshes)."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = bar = SteadyScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    def _scroll_update(self, virtual_size: Size) -> None:
        self._refresh_scrollbars()
        width, height = self.container_size
        if self.show_vertical_scrollbar and self.styles.scrollbar_size_vertical:
            self.vertical_scrollbar.window_virtual_size = virtual_size.height
            self.vertical_scrollbar.window_size = height - self.scrollbar_size_horizontal
        if self.show_horizontal_scrollbar and self.styles.scrollbar_size_horizontal:
            self.horizontal_scrollbar.window_virtual_size = virtual_size.width
            self.horizontal_scrollbar.window_size = width - self.scrollbar_size_vertical
            self.horizontal_scrollbar.refresh()
        self.scroll_x = self.validate_scroll_x(self.scroll_x)
