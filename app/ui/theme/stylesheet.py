"""The one application stylesheet, generated from a scheme's tokens and the base text size.

Pages name what a widget is with a dynamic property, never how it looks:
``label.setProperty("role", "title")``, several words allowed (``"small muted strong"``), matched
here with ``[role~="word"]``. Font sizes are points derived from the application font, so the user's
text size reaches every page. No rule sets a height (a fixed minimum would let a layout squeeze a
control below what its text needs at a large size): padding keeps controls 24 px or taller, and every focusable control shows a
2 px focus ring in the scheme's focus colour (WCAG 2.4.7, 2.4.11, 2.5.8)."""

from __future__ import annotations

from app.ui.theme.tokens import SIZES, Scheme


def _pt(base: float, size: str) -> str:
    return f"{base * SIZES[size]:.1f}pt"


def build_stylesheet(t: Scheme, base_pt: float) -> str:
    pt = lambda size: _pt(base_pt, size)  # noqa: E731
    return f"""
QLabel[role~="title"] {{ font-size: {pt("h1")}; font-weight: 600; }}
QLabel[role~="display"] {{ font-size: {pt("display")}; font-weight: 600; }}
QLabel[role~="heading"] {{ font-size: {pt("h2")}; font-weight: 600; }}
QLabel[role~="subheading"] {{ font-size: {pt("h3")}; font-weight: 600; }}
QLabel[role~="lead"], QListWidget[role~="lead"] {{ font-size: {pt("lead")}; }}
QLabel[role~="large"] {{ font-size: {pt("large")}; }}
QLabel[role~="small"] {{ font-size: {pt("small")}; }}
QLabel[role~="strong"] {{ font-weight: 600; }}
QLabel[role~="italic"] {{ font-style: italic; }}
QLabel[role~="muted"] {{ color: {t.muted}; }}
QLabel[role~="accent"] {{ color: {t.accent}; }}
QLabel[role~="error"] {{ color: {t.danger}; }}
QLabel[role~="warning"] {{ color: {t.warning}; }}
QLabel[role~="success"] {{ color: {t.success}; }}
QLabel[role~="empty"] {{ font-size: {pt("lead")}; padding: 20px; }}
QLabel[role~="panel"] {{ background: {t.surface_alt}; color: {t.text}; border-radius: 6px; padding: 8px; }}
QLabel[role~="note"] {{ background: {t.warning_bg}; color: {t.text}; border: 1px solid {t.warning};
    border-radius: 6px; padding: 8px; }}
QLabel[role~="feedback"] {{ background: {t.success_bg}; color: {t.text}; border: 1px solid {t.success};
    border-radius: 6px; padding: 8px; }}
QLabel[role~="celebration"] {{ font-size: {pt("h2")}; font-weight: 700; color: {t.celebrate_text};
    background: {t.celebrate_bg}; border: 2px solid {t.celebrate_text}; border-radius: 12px; padding: 12px; }}
QLabel[role~="verdict-good"] {{ font-size: {pt("h2")}; font-weight: 600; color: {t.success}; }}
QLabel[role~="verdict-try"] {{ font-size: {pt("h2")}; font-weight: 600; color: {t.warning}; }}

QFrame[role~="card"], QFrame#card {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 12px; }}
QFrame[role~="good"] {{ background: {t.success_bg}; border: 1px solid {t.success}; border-radius: 10px; }}
QFrame[role~="try"] {{ background: {t.warning_bg}; border: 1px solid {t.warning}; border-radius: 10px; }}
*[role~="notice"] {{ background: {t.warning_bg}; border: 1px solid {t.warning}; border-radius: 6px; }}
*[role~="notice"] QLabel {{ color: {t.text}; }}
QGroupBox[role~="quiet-word"] {{ background: {t.info_bg}; border: 1px solid {t.border}; border-radius: 6px;
    margin-top: 1.4em; padding-top: 6px; }}
QGroupBox[role~="quiet-word"]::title {{ subcontrol-origin: margin; left: 8px; color: {t.text}; }}

QPushButton {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border}; border-radius: 6px;
    padding: 4px 12px; }}
QPushButton:hover {{ background: {t.surface_alt}; }}
QPushButton:pressed, QPushButton:checked {{ background: {t.accent_soft}; }}
QPushButton:disabled {{ color: {t.disabled}; border-color: {t.surface_alt}; }}
QPushButton:focus {{ border: 2px solid {t.focus}; padding: 3px 11px; }}
QPushButton[role~="primary"] {{ background: {t.accent_fill}; color: {t.on_accent}; border: 1px solid {t.accent_fill};
    font-weight: 600; padding: 6px 16px; }}
QPushButton[role~="primary"]:hover {{ border: 1px solid {t.text}; }}
QPushButton[role~="primary"]:focus {{ border: 2px solid {t.text}; padding: 5px 15px; }}
QPushButton[role~="primary"]:disabled {{ background: {t.surface_alt}; color: {t.disabled}; border-color: {t.border}; }}
QPushButton[role~="big"] {{ font-size: {pt("lead")}; padding: 8px 20px; }}
QPushButton[role~="big"]:focus {{ padding: 7px 19px; }}
QToolButton {{ padding: 3px; }}
QToolButton:focus {{ border: 2px solid {t.focus}; border-radius: 4px; }}
QToolButton[role~="choice"] {{ padding: 6px; border: 1px solid {t.border}; border-radius: 10px; background: {t.surface}; }}
QToolButton[role~="choice"]:checked {{ background: {t.accent_soft}; border: 2px solid {t.accent}; }}
QToolButton[role~="choice"]:focus {{ border: 2px solid {t.focus}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QTextBrowser {{ background: {t.surface}; color: {t.text};
    border: 1px solid {t.border}; border-radius: 4px; selection-background-color: {t.accent_fill};
    selection-color: {t.on_accent}; }}
QLineEdit {{ padding: 3px 6px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QTextBrowser:focus {{ border: 2px solid {t.focus}; }}
QLineEdit[role~="answer"] {{ font-size: {pt("answer")}; padding: 6px; }}
QLineEdit[role~="answer-good"] {{ font-size: {pt("answer")}; padding: 6px; border: 2px solid {t.success}; }}
QLineEdit[role~="answer-try"] {{ font-size: {pt("answer")}; padding: 6px; border: 2px solid {t.warning}; }}
QRadioButton[role~="answer"] {{ font-size: {pt("large")}; padding: 4px; }}
QRadioButton[role~="answer-good"] {{ font-size: {pt("large")}; padding: 4px; color: {t.success}; font-weight: 700; }}
QRadioButton[role~="answer-try"] {{ font-size: {pt("large")}; padding: 4px; color: {t.warning}; }}
QPlainTextEdit[role~="editor"] {{ font-size: {pt("large")}; padding: 6px; }}
QTextBrowser[role~="help"] {{ padding: 12px 18px; }}

QListWidget[role~="nav"] {{ font-size: {pt("lead")}; background: {t.surface}; border: 1px solid {t.border};
    border-radius: 8px; }}
QListWidget[role~="nav"]::item {{ padding: 8px; border-radius: 6px; color: {t.text}; }}
QListWidget[role~="nav"]::item:selected {{ background: {t.accent_soft}; color: {t.text}; font-weight: 600;
    border-left: 4px solid {t.accent}; }}
QListWidget[role~="roomy"]::item {{ padding: 10px; }}
QListWidget[role~="spaced"]::item {{ padding: 6px; }}
QListWidget[role~="ruled"]::item {{ padding: 6px; border-bottom: 1px solid {t.border}; }}
QListWidget[role~="quiet"] {{ background: {t.surface_alt}; border: none; }}
QAbstractItemView:focus {{ border: 2px solid {t.focus}; }}
QProgressBar {{ background: {t.surface_alt}; color: {t.text}; border: 1px solid {t.border}; border-radius: 5px;
    text-align: center; }}
QProgressBar::chunk {{ background: {t.accent_soft}; border-right: 3px solid {t.accent}; border-radius: 4px; }}
QTableView[role~="heatmap"] {{ gridline-color: {t.surface}; }}
QTableView[role~="heatmap"]::item:selected {{ border: 2px solid {t.focus}; }}
QLabel[role~="swatch"] {{ padding: 3px 8px; border-radius: 3px; }}
"""
