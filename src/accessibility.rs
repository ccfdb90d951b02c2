//! `#/accessibility`: the accessibility statement the Public Sector Bodies
//! (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018
//! require, with GOV.UK's model headings, one component per section. The
//! sentences that are computed (the council's name, its contact, the chart
//! colours' contrast, the dates) come from `scrutineer_core::accessibility`.

use leptos::prelude::*;
use scrutineer_core::accessibility::{self as statement, Contact, CHART_COLOURS};
use scrutineer_core::route::Route;

use crate::state::use_snapshot;

/// `#/accessibility`: how accessible the app is, what is not, and how to
/// report a problem.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let snapshot = use_snapshot();
    let organisation = move || snapshot.with(|s| s.organisation.clone());
    view! {
        <h1 tabindex="-1">"Accessibility statement for Scrutineer"</h1>
        <div class="prose">
        <p>{move || statement::applies_to(&organisation())}</p>
        <p>{move || statement::run_by(&organisation())}</p>
        <ul class="list--bullet">
            <li>"navigate most of the app using just a keyboard, including moving a risk on the matrix"</li>
            <li>"read every rating as a word and a shape as well as a colour"</li>
            <li>"read the figures of every chart as a table"</li>
            <li>"use it on a tablet held either way up, or on a computer"</li>
            <li>"print the whole pack, with every rating in words"</li>
        </ul>
        <p>"We have also made the text as simple as possible to understand."</p>
        <p>
            <a href="https://mcmw.abilitynet.org.uk/">"AbilityNet"</a>
            " has advice on making your device easier to use if you have a disability."
        </p>
        <HowAccessible/>
        <Feedback/>
        <Reporting/>
        <Enforcement/>
        <Technical/>
        <Improving/>
        <Preparation/>
        </div>
    }
}

/// "How accessible this app is".
#[component]
fn HowAccessible() -> impl IntoView {
    view! {
        <h2 id="how-accessible">"How accessible this app is"</h2>
        <p>"We know some parts of this app are not fully accessible:"</p>
        <ul class="list--bullet">
            <li>
                "in the complaints charts, which bar belongs to which series is shown by colour, "
                "and some of the colours are light against the white page (every chart's figures "
                "are also given in a table)"
            </li>
            <li>
                "the app has not yet been tested with screen readers such as JAWS, NVDA or "
                "VoiceOver, or by disabled people"
            </li>
            <li>
                "a PDF saved from the Print pack page is made by your browser, and how well a "
                "screen reader reads it depends on the browser (the app's own pages hold the same content)"
            </li>
        </ul>
    }
}

/// "Feedback and contact information": the council's contact from the
/// pack details, or that it has not given one and where it is filled in.
#[component]
fn Feedback() -> impl IntoView {
    view! {
        <h2 id="feedback">"Feedback and contact information"</h2>
        <ContactSentence/>
    }
}

/// The council's accessibility contact, or why there is none yet.
#[component]
fn ContactSentence() -> impl IntoView {
    let snapshot = use_snapshot();
    let found = move || {
        snapshot.with(|s| {
            (
                s.organisation.clone(),
                Contact::of(s.accessibility_contact.as_deref()),
            )
        })
    };
    move || {
        match found() {
        (organisation, Some(contact)) => {
            let shown = contact.text().to_owned();
            let link = match contact.href() {
                Some(href) => view! { <a href=href>{shown}</a> }.into_any(),
                None => view! { <strong>{shown}</strong> }.into_any(),
            };
            view! {
                <p data-testid="accessibility-contact">
                    {contact.lead(&organisation)} " " {link}
                </p>
            }
            .into_any()
        }
        (organisation, None) => view! {
            <p data-testid="accessibility-contact">{statement::no_contact(&organisation)}</p>
            <p>
                "An officer gives it under "
                <a href=Route::Data.href() data-testid="pack-details-link">"Pack details, on the Data page"</a>
                ": an email address, phone number or web address for reporting an accessibility problem. "
                "It is then kept in the pack, and in every copy downloaded from it."
            </p>
        }
        .into_any(),
    }
    }
}

/// "Reporting accessibility problems with this app".
#[component]
fn Reporting() -> impl IntoView {
    view! {
        <h2 id="reporting">"Reporting accessibility problems with this app"</h2>
        <p>
            "We are always looking to improve the accessibility of this app. If you find any "
            "problems not listed on this page, or think we are not meeting accessibility "
            "requirements, contact the council as set out under "
            "\u{201c}Feedback and contact information\u{201d} above."
        </p>
    }
}

/// "Enforcement procedure".
#[component]
fn Enforcement() -> impl IntoView {
    view! {
        <h2 id="enforcement">"Enforcement procedure"</h2>
        <p>
            "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
            "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
            "Regulations 2018 (the \u{2018}accessibility regulations\u{2019}). If you are not happy "
            "with how we respond to your complaint, "
            <a href="https://www.equalityadvisoryservice.com/">"contact the Equality Advisory and Support Service (EASS)"</a>
            "."
        </p>
    }
}

/// "Technical information about this app's accessibility", with the
/// compliance status and the content that is not accessible.
#[component]
fn Technical() -> impl IntoView {
    let snapshot = use_snapshot();
    let committed = move || snapshot.with(|s| statement::committed(&s.organisation));
    let contrast = statement::chart_contrast(&CHART_COLOURS);
    let alike = statement::most_alike(&CHART_COLOURS);
    view! {
        <h2 id="technical">"Technical information about this app\u{2019}s accessibility"</h2>
        <p>{committed}</p>
        <h3 id="compliance">"Compliance status"</h3>
        <p data-testid="compliance">
            "This app is partially compliant with the "
            <a href="https://www.w3.org/TR/WCAG22/">"Web Content Accessibility Guidelines version 2.2"</a>
            " AA standard, due to the non-compliances listed below."
        </p>
        <h3 id="non-accessible">"Non-accessible content"</h3>
        <p>"The content listed below is non-accessible for the following reasons."</p>
        <h4 id="non-compliance">"Non-compliance with the accessibility regulations"</h4>
        {alike.map(|sentence| view! { <p data-testid="colour-alone">{sentence}</p> })}
        {contrast
            .into_iter()
            .map(|sentence| view! { <p data-testid="chart-contrast">{sentence}</p> })
            .collect_view()}
        <h4 id="burden">"Disproportionate burden"</h4>
        <p>"We do not claim that fixing any of the problems above would be a disproportionate burden."</p>
        <h4 id="out-of-scope">"Content that\u{2019}s not within the scope of the accessibility regulations"</h4>
        <p>
            "The committee reports and minutes the figures were taken from (listed on the Data "
            "page) are published by the council elsewhere. This statement does not cover them."
        </p>
    }
}

/// "What we're doing to improve accessibility".
#[component]
fn Improving() -> impl IntoView {
    view! {
        <h2 id="improving">"What we\u{2019}re doing to improve accessibility"</h2>
        <p>
            "We plan to tell the series of each bar chart apart by more than colour, and to test "
            "the app with screen readers and with disabled people. We will update this statement "
            "when we do."
        </p>
    }
}

/// "Preparation of this accessibility statement": the dates, and how the
/// app was tested.
#[component]
fn Preparation() -> impl IntoView {
    view! {
        <h2 id="preparation">"Preparation of this accessibility statement"</h2>
        <p data-testid="prepared">{statement::preparation()}</p>
        <p>{statement::testing()}</p>
        <p>"The app\u{2019}s automated tests, run on every change to it:"</p>
        <ul class="list--bullet">
            <li>
                "scan every page with axe-core, an automated checker, against WCAG 2.2 A and AA, "
                "on a desktop screen (1280 by 800 pixels) and on tablet screens held landscape "
                "(1024 by 768) and portrait (768 by 1024)"
            </li>
            <li>
                "go through the main tasks with a keyboard alone: the skip link, the navigation, "
                "the indicator filters, moving a risk on the matrix, and this statement"
            </li>
            <li>"check that the buttons and links of the main pages are at least 44 by 44 pixels"</li>
            <li>
                "run every journey in Chromium (the engine of Chrome and Edge), and the main "
                "journeys in WebKit (the engine of every browser on an iPad) and in Firefox"
            </li>
        </ul>
        <p>
            "Automated checks find only some accessibility problems. The app was not tested "
            "with screen readers or by disabled people."
        </p>
        <p class="secondary">"This statement is for Scrutineer " {env!("CARGO_PKG_VERSION")} "."</p>
    }
}
