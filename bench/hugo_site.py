# Templates read better unwrapped:
# ruff: noqa: E501
"""A minimal multilingual Hugo layout comparable to the `hellefors` theme.

It renders what our theme renders, the way a Hugo site does it: `lang`,
canonical and `hreflang` alternates with `x-default`, Open Graph tags, a
language switcher, the main menu, breadcrumbs, the section listing, the
reviewed date and the sender's contact block from `data/organisation.yaml`,
the footer, a 404 page per language, the sitemap and a feed per language.
Links to other pages are resolved to the reader's language by a render hook,
falling back to the Swedish page, as our Markdown step does. It does not do
what Hugo sites do not usually do (translation fallbacks in listings, checks).
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CONFIG = """\
baseURL = "https://www.hellefors.se/"
defaultContentLanguage = "sv"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy", "term"]
enableRobotsTXT = true
enableGitInfo = false

[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
page = ["HTML"]

[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.parser.attribute]
block = true
title = true

[languages.sv]
weight = 1
languageName = "Svenska"
title = "Hällefors kommun"
[languages.fi]
weight = 2
languageName = "Suomi"
title = "Hällefors kunta"
[languages.en]
weight = 3
languageName = "English"
title = "Hällefors Municipality"
"""

BASEOF = """\
<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ .Params.summary }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ range .AllTranslations }}{{ if eq .Language.Lang "sv" }}<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
{{ end }}{{ end }}<link rel="alternate" type="application/rss+xml" title="{{ site.Title }}: {{ i18n "news" }}" href="{{ site.Home.RelPermalink }}index.xml">
<meta property="og:type" content="{{ if eq .Section "nyheter" }}article{{ else }}website{{ end }}">
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:description" content="{{ .Params.summary }}">
<meta property="og:url" content="{{ .Permalink }}">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/tokens.css">
<link rel="stylesheet" href="/static/style.css">
<link rel="stylesheet" href="/static/print.css" media="print">
</head>
<body>
<a class="skip-link" href="#main-content">{{ i18n "skip" }}</a>
{{ partial "header.html" . }}
{{ partial "breadcrumbs.html" . }}
<main id="main-content" tabindex="-1">
<div class="wrap">
{{ block "main" . }}{{ end }}
{{ partial "page_info.html" . }}
</div>
</main>
{{ partial "footer.html" . }}
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
<div class="prose">
{{ .Content }}
</div>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
<div class="prose">
{{ .Content }}
</div>
<nav class="section-pages" aria-labelledby="section-pages-heading">
<h2 id="section-pages-heading">{{ i18n "in_section" }}</h2>
{{ partial "link_list.html" (cond (eq .Section "nyheter") .Pages.ByDate.Reverse .Pages.ByTitle) }}
</nav>
{{ end }}
"""

HOME = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
<div class="prose">
{{ .Content }}
</div>
<section class="home-sections" aria-labelledby="sections-heading">
<h2 id="sections-heading">{{ i18n "find_your_way" }}</h2>
{{ partial "link_list.html" .Sections.ByTitle }}
</section>
<section class="home-news" aria-labelledby="news-heading">
<h2 id="news-heading">{{ i18n "latest_news" }}</h2>
{{ partial "link_list.html" (first 3 (where site.RegularPages "Section" "nyheter").ByDate.Reverse) }}
</section>
{{ end }}
"""

NOT_FOUND = """\
{{ define "main" }}
<h1>{{ i18n "not_found" }}</h1>
<p class="summary">{{ i18n "not_found_text" }}</p>
{{ end }}
"""

LINK_LIST = """\
<ul class="link-list">
{{ range . }}
<li>
<h3 class="link-list-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
{{ if and (eq .Section "nyheter") .IsPage }}<p class="date"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>{{ end }}
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
</li>
{{ end }}
</ul>
"""

HEADER = """\
<header class="site-header">
<div class="wrap header-bar">
<a class="logo" href="{{ site.Home.RelPermalink }}"><img src="/static/logo.svg" alt="{{ site.Title }}" width="240" height="56"></a>
<nav class="language-switcher" aria-label="{{ i18n "languages" }}">
<ul>
{{ $page := . }}
{{ range site.Languages }}
{{ $lang := .Lang }}
{{ $url := "" }}
{{ range $page.AllTranslations }}{{ if eq .Language.Lang $lang }}{{ $url = .RelPermalink }}{{ end }}{{ end }}
{{ if not $url }}{{ $url = cond (eq $lang "sv") "/" (printf "/%s/" $lang) }}{{ end }}
<li><a href="{{ $url }}" lang="{{ $lang }}" hreflang="{{ $lang }}"{{ if eq $lang site.Language.Lang }} aria-current="page"{{ end }}>{{ .LanguageName }}</a></li>
{{ end }}
</ul>
</nav>
</div>
<nav class="main-menu" aria-label="{{ i18n "main_menu" }}">
<ul class="wrap">
{{ $current := . }}
{{ range (where site.Sections "Params.inmenu" true).ByTitle }}
<li><a href="{{ .RelPermalink }}"{{ if or (eq . $current) ($current.IsDescendant .) }} aria-current="true"{{ end }}>{{ .Title }}</a></li>
{{ end }}
</ul>
</nav>
</header>
"""

BREADCRUMBS = """\
{{ if not .IsHome }}
<nav class="breadcrumbs" aria-label="{{ i18n "you_are_here" }}">
<ol class="wrap">
{{ range .Ancestors.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ if .IsHome }}{{ i18n "home" }}{{ else }}{{ .Title }}{{ end }}</a></li>
{{ end }}
<li><a href="{{ .RelPermalink }}" aria-current="page">{{ .Title }}</a></li>
</ol>
</nav>
{{ end }}
"""

PAGE_INFO = """\
{{ $sender := .Params.sender }}
{{ $reviewed := .Params.reviewed }}
{{ range .AllTranslations }}{{ if eq .Language.Lang "sv" }}{{ $sender = $sender | default .Params.sender }}{{ $reviewed = $reviewed | default .Params.reviewed }}{{ end }}{{ end }}
<div class="page-info">
{{ with $reviewed }}
<p class="reviewed">{{ i18n "reviewed" }} <time datetime="{{ . }}">{{ time.Format ":date_long" (time.AsTime .) }}</time></p>
{{ end }}
{{ with index site.Data.organisation.units (string (default "medborgarplats" $sender)) }}
<section class="contact" aria-labelledby="contact-heading">
<h2 id="contact-heading">{{ i18n "questions" }}</h2>
<p class="contact-unit">{{ index .name site.Language.Lang | default (index .name "sv") }}</p>
<ul class="contact-list">
<li>{{ i18n "phone" }}: <a href="tel:{{ replaceRE "[^0-9]" "" .phone }}">{{ .phone }}</a></li>
<li>{{ i18n "email" }}: <a href="mailto:{{ .email }}">{{ .email }}</a></li>
</ul>
<p class="promise">{{ i18n "promise" }}</p>
<p class="feedback"><a href="mailto:{{ .email }}?subject={{ querify "s" $.Title }}">{{ i18n "feedback" }}</a></p>
</section>
{{ end }}
</div>
"""

FOOTER = """\
<footer class="site-footer">
<div class="wrap footer-grid">
<section class="footer-sender" aria-labelledby="footer-heading">
<h2 id="footer-heading">{{ site.Title }}</h2>
{{ with site.Data.organisation.units.medborgarplats }}
<p class="footer-address">{{ .address }}</p>
<ul class="contact-list">
<li>{{ i18n "phone" }}: <a href="tel:{{ replaceRE "[^0-9]" "" .phone }}">{{ .phone }}</a></li>
<li>{{ i18n "email" }}: <a href="mailto:{{ .email }}">{{ .email }}</a></li>
<li>{{ i18n "org_number" }}: 212000-1942</li>
</ul>
{{ end }}
</section>
<nav class="footer-links" aria-label="{{ i18n "about_site" }}">
<ul>
<li><a href="{{ site.Home.RelPermalink }}index.xml">{{ i18n "feed" }}</a></li>
</ul>
</nav>
</div>
</footer>
"""

RENDER_LINK = """\
{{- $href := .Destination -}}
{{- $lang := "" -}}
{{- if hasPrefix .Destination "/" -}}
{{- with site.GetPage .Destination -}}
{{- $href = .RelPermalink -}}
{{- else -}}
{{- with (index site.Sites 0).GetPage .Destination -}}{{- $href = .RelPermalink -}}{{- $lang = "sv" -}}{{- end -}}
{{- end -}}
{{- end -}}
<a href="{{ $href }}"{{ with $lang }} hreflang="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>{{ with $lang }} <span class="language-note">({{ i18n "in_swedish" }})</span>{{ end -}}
"""

RENDER_IMAGE = """\
<img src="{{ .Destination | safeURL }}" alt="{{ .Text }}">
"""

I18N = {
    "sv": {
        "skip": "Till huvudinnehållet", "news": "Nyheter", "languages": "Språk",
        "main_menu": "Huvudmeny", "you_are_here": "Du är här", "home": "Startsida",
        "reviewed": "Sidan granskad", "questions": "Frågor om sidan?", "phone": "Telefon",
        "email": "E-post", "promise": "Du får svar inom 24 timmar.",
        "feedback": "Lämna synpunkter på sidan", "org_number": "Organisationsnummer",
        "about_site": "Om webbplatsen", "feed": "Nyhetsflöde", "in_section": "I det här avsnittet",
        "find_your_way": "Hitta rätt", "latest_news": "Senaste nyheterna",
        "not_found": "Sidan finns inte", "not_found_text": "Sidan du söker finns inte.",
        "in_swedish": "på svenska",
    },
    "fi": {
        "skip": "Siirry pääsisältöön", "news": "Uutiset", "languages": "Kielet",
        "main_menu": "Päävalikko", "you_are_here": "Olet tässä", "home": "Etusivu",
        "reviewed": "Sivu tarkistettu", "questions": "Kysyttävää sivusta?", "phone": "Puhelin",
        "email": "Sähköposti", "promise": "Saat vastauksen 24 tunnin kuluessa.",
        "feedback": "Anna palautetta sivusta", "org_number": "Y-tunnus",
        "about_site": "Tietoa sivustosta", "feed": "Uutissyöte", "in_section": "Tässä osiossa",
        "find_your_way": "Löydä oikea paikka", "latest_news": "Uusimmat uutiset",
        "not_found": "Sivua ei löydy", "not_found_text": "Etsimääsi sivua ei ole.",
        "in_swedish": "ruotsiksi",
    },
    "en": {
        "skip": "Skip to main content", "news": "News", "languages": "Languages",
        "main_menu": "Main menu", "you_are_here": "You are here", "home": "Home",
        "reviewed": "Page reviewed", "questions": "Questions about this page?", "phone": "Phone",
        "email": "E-mail", "promise": "You get an answer within 24 hours.",
        "feedback": "Give feedback on this page", "org_number": "Organisation number",
        "about_site": "About the website", "feed": "News feed", "in_section": "In this section",
        "find_your_way": "Find your way", "latest_news": "Latest news",
        "not_found": "Page not found", "not_found_text": "The page does not exist.",
        "in_swedish": "in Swedish",
    },
}  # fmt: skip


def write_hugo_layout(target: Path) -> None:
    """Config, layouts, i18n and the theme's static files, beside the written content."""
    files = {
        "config.toml": CONFIG,
        "layouts/_default/baseof.html": BASEOF,
        "layouts/_default/single.html": SINGLE,
        "layouts/_default/list.html": LIST,
        "layouts/index.html": HOME,
        "layouts/404.html": NOT_FOUND,
        "layouts/partials/link_list.html": LINK_LIST,
        "layouts/partials/header.html": HEADER,
        "layouts/partials/breadcrumbs.html": BREADCRUMBS,
        "layouts/partials/page_info.html": PAGE_INFO,
        "layouts/partials/footer.html": FOOTER,
        "layouts/_default/_markup/render-link.html": RENDER_LINK,
        "layouts/_default/_markup/render-image.html": RENDER_IMAGE,
    }
    for lang, strings in I18N.items():
        files[f"i18n/{lang}.toml"] = "".join(f'{k} = "{v}"\n' for k, v in sorted(strings.items()))
    for rel, text in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    static = REPO / "themes" / "hellefors" / "static"
    shutil.copytree(static, target / "static" / "static", dirs_exist_ok=True)
