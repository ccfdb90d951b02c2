//! The page shell: skip link, header, navigation and footer.

use leptos::prelude::*;
use scrutineer_core::route::{Route, Section};

use crate::browser;
use crate::state::{use_notices, use_route, use_snapshot};

/// "Skip to main content": the first thing a keyboard user reaches. It moves
/// focus itself, because an `href="#main"` would be read as a route.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|event| {
                event.prevent_default();
                browser::focus_id("main");
            }
        >
            "Skip to main content"
        </a>
    }
}

/// Whose data this is, which pack, and the date it describes.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let snapshot = use_snapshot();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <p class="site-header__app">"Scrutineer"</p>
                <p class="site-header__org" data-testid="organisation">
                    {move || snapshot.with(|s| s.organisation.clone())}
                </p>
                <p class="site-header__pack">
                    <span data-testid="pack-title">{move || snapshot.with(|s| s.title.clone())}</span>
                    " "
                    <span class="site-header__as-at" data-testid="as-at">
                        {move || snapshot.with(|s| s.as_at_label())}
                    </span>
                </p>
            </div>
        </header>
    }
}

/// The sections, with the current one marked for sight and for screen readers.
#[component]
pub fn SiteNav() -> impl IntoView {
    let route = use_route();
    view! {
        <div class="site-nav">
        <div class="site-nav__inner">
        <nav aria-label="Sections">
            <ul class="site-nav__list">
                {Section::ALL
                    .into_iter()
                    .map(|section| {
                        let current = move || route.with(|r| r.section() == Some(section));
                        view! {
                            <li>
                                <a
                                    class="site-nav__link"
                                    href=section.route().href()
                                    aria-current=move || current().then_some("page")
                                >
                                    {section.label()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
        <CopyLink/>
        </div>
        </div>
    }
}

/// Where the data lives, said on every page, and the accessibility statement.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                <strong>"Your data stays in this browser on this device."</strong>
                " Nothing is sent to a server. The "
                <a href=Route::Data.href()>"Data"</a>
                " page says what is open and where it is kept."
            </p>
            <p class="site-footer__links">
                <a href=Route::Accessibility.href() data-testid="footer-accessibility">"Accessibility statement"</a>
            </p>
            <p class="site-footer__version">
                "Scrutineer " {env!("CARGO_PKG_VERSION")}
            </p>
        </footer>
    }
}

/// "Copy link": the address of the view on screen, filters and all, for an
/// email or a chat. It opens the same view for anyone with the same data open.
#[component]
pub fn CopyLink() -> impl IntoView {
    let notices = use_notices();
    let copy = move |_| {
        let link = browser::location_href();
        leptos::task::spawn_local(async move {
            if browser::copy_text(&link).await {
                notices.status(format!(
                    "Link copied: {link} It opens this view for anyone with the same data open in Scrutineer."
                ));
            } else {
                notices.status(format!(
                    "This browser would not copy the link. Select it here and copy it: {link}"
                ));
            }
        });
    };
    view! {
        <div class="page-tools">
            <button type="button" class="button button--secondary button--small" data-testid="copy-link" on:click=copy>
                "Copy link"<span class="visually-hidden">" to this view"</span>
            </button>
        </div>
    }
}
