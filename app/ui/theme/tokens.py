"""Named colours and sizes, one set per colour scheme. Pages never write a colour or a pixel font
size: they name a role (styled by the one stylesheet) or ask for a token here by name.

Every text token is chosen to reach 4.5:1 on the backgrounds it is used on, and every line or focus
token 3:1 (tests/ui/test_theme_tokens.py checks the pairs)."""

from __future__ import annotations

from dataclasses import dataclass, field

LIGHT, DARK, HIGH_CONTRAST = "light", "dark", "high-contrast"
SCHEMES = (LIGHT, DARK, HIGH_CONTRAST)
SYSTEM = "system"  # follow the operating system's light or dark setting
CHOICES = (SYSTEM, LIGHT, DARK, HIGH_CONTRAST)

# Text sizes as multiples of the application font's point size: everything follows the user's size.
SIZES: dict[str, float] = {
    "small": 0.9,
    "body": 1.0,
    "lead": 1.1,
    "large": 1.2,
    "h3": 1.15,
    "h2": 1.3,
    "h1": 1.6,
    "display": 1.9,
    "answer": 1.45,
}


@dataclass(frozen=True)
class Scheme:
    name: str
    dark: bool
    window: str  # page background
    surface: str  # cards, editors, lists
    surface_alt: str  # quiet panels (instructions, a list's background)
    text: str
    muted: str  # secondary text: hints, notes
    accent: str  # links and "what you will practise"
    accent_fill: str  # the main action's button
    on_accent: str
    accent_soft: str  # a selected or current thing's background
    border: str
    focus: str  # focus ring: 3:1 against window and surface
    success: str
    warning: str
    danger: str
    success_bg: str
    warning_bg: str
    danger_bg: str
    info_bg: str
    celebrate_bg: str
    celebrate_text: str
    comment_bg: str  # a teacher's comment in the writing editor
    comment_current: str
    disabled: str
    # Lines in charts (jagged profile, trend chart) and the symbols of "what next": 3:1 on surface.
    series: tuple[str, ...] = field(default_factory=tuple)
    heat: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (fill, ink) per heatmap band
    moods: tuple[str, ...] = field(default_factory=tuple)  # faces 1..5 (ink drawn over in `text`)
    mood_ink: str = "#374151"


# The heatmap is data ink: the same bands in every scheme (each fill carries its own ink).
HEAT = (
    ("#f3f4f6", "#374151"),  # not started
    ("#deebf7", "#1f2937"),  # starting
    ("#9ecae1", "#111827"),  # learning
    ("#4292c6", "#000000"),  # nearly there
    ("#08519c", "#ffffff"),  # mastered
    ("#fdae6b", "#1f2937"),  # stuck
)
_MOODS = ("#dc2626", "#ea580c", "#ca8a04", "#65a30d", "#16a34a")

SCHEME_TOKENS: dict[str, Scheme] = {
    LIGHT: Scheme(
        name=LIGHT,
        dark=False,
        window="#f6f5f2",
        surface="#ffffff",
        surface_alt="#eef2f7",
        text="#111827",
        muted="#4b5563",
        accent="#1d4ed8",
        accent_fill="#1d4ed8",
        on_accent="#ffffff",
        accent_soft="#c7dbfb",
        border="#7c8591",
        focus="#1d4ed8",
        success="#166534",
        warning="#9a3412",
        danger="#b91c1c",
        success_bg="#ecfdf5",
        warning_bg="#fef3c7",
        danger_bg="#fee2e2",
        info_bg="#eff6ff",
        celebrate_bg="#fde68a",
        celebrate_text="#7c2d12",
        comment_bg="#fde68a",
        comment_current="#fbbf24",
        disabled="#6b7280",
        series=("#2563eb", "#15803d", "#9333ea", "#c2410c", "#0e7490", "#be185d", "#4d7c0f", "#a16207"),
        heat=HEAT,
        moods=_MOODS,
        mood_ink="#1f2937",
    ),
    DARK: Scheme(
        name=DARK,
        dark=True,
        window="#1b1d21",
        surface="#24272c",
        surface_alt="#2c3036",
        text="#e8eaed",
        muted="#b4bac3",
        accent="#8ab4f8",
        accent_fill="#8ab4f8",
        on_accent="#0b1b33",
        accent_soft="#1e3a66",
        border="#6b7280",
        focus="#8ab4f8",
        success="#6ee7a0",
        warning="#fbbf24",
        danger="#fca5a5",
        success_bg="#133326",
        warning_bg="#3a2d0c",
        danger_bg="#3f1d1d",
        info_bg="#1c2a44",
        celebrate_bg="#3a2d0c",
        celebrate_text="#fde68a",
        comment_bg="#4d3d0c",
        comment_current="#8a5200",
        disabled="#8b929c",
        series=("#60a5fa", "#4ade80", "#c084fc", "#fb923c", "#22d3ee", "#f472b6", "#a3e635", "#facc15"),
        heat=HEAT,
        moods=_MOODS,
        mood_ink="#1f2937",
    ),
    HIGH_CONTRAST: Scheme(
        name=HIGH_CONTRAST,
        dark=True,
        window="#000000",
        surface="#000000",
        surface_alt="#000000",
        text="#ffffff",
        muted="#ffffff",
        accent="#ffff00",
        accent_fill="#ffff00",
        on_accent="#000000",
        accent_soft="#00307a",
        border="#ffffff",
        focus="#00ffff",
        success="#7cff7c",
        warning="#ffd700",
        danger="#ff8c8c",
        success_bg="#000000",
        warning_bg="#000000",
        danger_bg="#000000",
        info_bg="#000000",
        celebrate_bg="#000000",
        celebrate_text="#ffff00",
        comment_bg="#1f3fbf",
        comment_current="#6b2fbf",
        disabled="#c0c0c0",
        series=("#ffff00", "#00ffff", "#ff80ff", "#7cff7c", "#ffffff", "#ffa64d", "#80b3ff", "#ff8c8c"),
        heat=HEAT,
        moods=_MOODS,
        mood_ink="#000000",
    ),
}

# Printed pages (reports, sign-in cards) are on white paper whatever the screen shows.
PRINT = SCHEME_TOKENS[LIGHT]
