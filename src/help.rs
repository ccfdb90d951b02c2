//! `#/help`: how to read the pack and look after the data, one component
//! per section of the page.

use leptos::prelude::*;
use scrutineer_core::route::Route;

/// `#/help`: how to read the pack and look after the data.
#[component]
pub fn HelpPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Help"</h1>
        <p class="lede">
            "Scrutineer holds a council's committee pack (performance indicators, the risk and "
            "opportunity register, and complaints and compliments) so a scrutiny committee can "
            "read, compare and question it on a tablet or a PC."
        </p>
        <Sections/>
        <BriefingChecks/>
        <Ratings/>
        <RiskScores/>
        <ComplaintsCharts/>
        <YourData/>
        <FromMail/>
        <Keyboard/>
        <Accessibility/>
    }
}

/// "What is in each section".
#[component]
fn Sections() -> impl IntoView {
    view! {
        <h2 id="help-sections">"What is in each section"</h2>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt><a href=Route::Briefing.href()>"Briefing"</a></dt>
                <dd>"What needs the committee's attention, each point with its reason, a question to ask and where the figure came from."</dd>
            </div>
            <div class="summary-list__row">
                <dt><a href=Route::Indicators.href()>"Indicators"</a></dt>
                <dd>
                    "Performance measures by service area, each period's value against its target "
                    "and against England, the region and statistical neighbours."
                </dd>
            </div>
            <div class="summary-list__row">
                <dt><a href=Route::Risks.href()>"Risks"</a></dt>
                <dd>
                    "The corporate risk and opportunity register, scored by impact and likelihood "
                    "on a 5 by 5 grid, quarter by quarter."
                </dd>
            </div>
            <div class="summary-list__row">
                <dt><a href=Route::Complaints.href()>"Complaints"</a></dt>
                <dd>
                    "Complaints and compliments by financial year: stages, outcomes, categories, "
                    "timeliness and the Local Government and Social Care Ombudsman's decisions."
                </dd>
            </div>
            <div class="summary-list__row">
                <dt><a href=Route::Data.href()>"Data"</a></dt>
                <dd>"What is open now, downloading it as one file to email, opening a file someone sent, and where it is kept."</dd>
            </div>
        </dl>
    }
}

/// "How the briefing is drawn up": every check it makes, in its order.
#[component]
fn BriefingChecks() -> impl IntoView {
    view! {
        <h2 id="help-briefing">"How the briefing is drawn up"</h2>
        <p>
            "The briefing applies the same checks to every pack, in this order, and lists what each finds with the "
            "figures that found it. Nothing is added by hand and nothing is guessed: where a figure is not held, "
            "its check finds nothing."
        </p>
        <ol class="list--number" data-testid="help-briefing">
            <li>"Indicators rated requires improvement in the latest quarter whose figure before was rated otherwise."</li>
            <li>"Indicators whose latest figure is a real change for the worse (a special cause, below)."</li>
            <li>"Targets that lie beyond the process limits on the wrong side, so they will be missed every time as things run now."</li>
            <li>"Indicator figures that do not add up: a percentage or a rate that its own count and population do not give (allowing for rounding and one part in a hundred), or a part larger than its whole."</li>
            <li>"Risks whose residual score is in the highest band, or above the council's risk appetite where one is set."</li>
            <li>"Risks whose residual score rose since the quarter before, and entries new on the register since then."</li>
            <li>"Reviews whose date had passed by the pack's own date, so the briefing reads the same whenever it is opened."</li>
            <li>"Complaints procedures that answered a larger share beyond the timescale in their latest year than in the year before."</li>
            <li>"Complaints figures that do not add up, in any year held."</li>
            <li>"When another pack is open on the Compare page, what changed since it."</li>
        </ol>
    }
}

/// "Reading a rating".
#[component]
fn Ratings() -> impl IntoView {
    view! {
        <h2 id="help-rag">"Reading a rating"</h2>
        <p>
            "Each rating has a word and a shape as well as a colour, so it reads the same "
            "in black and white print and for people who do not see colour."
        </p>
        <ul class="rag-key">
            <li><span class="rag rag--green" aria-hidden="true">"●"</span> " On track or good"</li>
            <li><span class="rag rag--amber" aria-hidden="true">"▲"</span> " Slightly below the desired level"</li>
            <li><span class="rag rag--red" aria-hidden="true">"■"</span> " Requires improvement"</li>
        </ul>
        <p>
            "\u{201c}Good is high\u{201d} means a bigger number is better; \u{201c}good is low\u{201d} "
            "means a smaller one is. A dash means the measure is context only and has no direction."
        </p>
        <p>
            "A rating comes from the target: on track at the target or better; slightly below "
            "within the amber tolerance, which is a percentage of the target (with a target of 50% "
            "and a tolerance of 5%, from 47.5% up to 50% is slightly below); requires improvement "
            "beyond it. Each indicator's page works the example through for its own target."
        </p>
        <h3 id="help-spc">"Is the change real?"</h3>
        <p data-testid="help-spc">
            "Figures move from quarter to quarter by chance alone. Where an indicator has 12 or more figures of one kind, "
            "its page draws them as a statistical process control chart, as NHS England's \u{201c}Making Data Count\u{201d} "
            "does: their mean, and natural limits above and below the mean at 2.66 times the average change between one "
            "figure and the next. A figure beyond a limit, 7 in a row on one side of the mean, 7 in a row each rising or "
            "each falling, or 2 of 3 in a row close to a limit is a special cause: a real change, shown as a triangle "
            "pointing up for higher than usual or down for lower, filled where it is improving and hollow where it is "
            "concerning. Anything else is ordinary variation, shown as a circle. Where the target lies beyond the limits "
            "it is likely to be met, or missed, every time unless something changes; within them, it will be sometimes "
            "met and sometimes missed by ordinary variation alone. With fewer figures the page says so, and the direction shown only compares each figure with one before it."
        </p>
        <h3 id="help-small">"Small numbers"</h3>
        <p data-testid="help-small">
            "A count under 10, or a rate or percentage made of one, is marked \u{201c}small\u{201d} in every table, "
            "and drawn as a hollow point on an indicator's chart: a change of one or two is too few to read anything into. "
            "A percentage of fewer than 20 is given as the count it is, such as \u{201c}7 of 15\u{201d}. "
            "The council can set its own threshold, or 0 to mark none, under Pack details on the Data page."
        </p>
    }
}

/// "Reading a risk score".
#[component]
fn RiskScores() -> impl IntoView {
    view! {
        <h2 id="help-risk">"Reading a risk score"</h2>
        <p>
            "A score is impact multiplied by likelihood, each from 1 to 5, written as the packs "
            "write it: \u{201c}16 (Major/Likely)\u{201d}."
        </p>
        <ul>
            <li>"Impact: Insignificant 1, Minor 2, Moderate 3, Major 4, Catastrophic 5 (for opportunities, Outstanding 5)."</li>
            <li>"Likelihood: Rare 1, Unlikely 2, Possible 3, Likely 4, Certain 5."</li>
        </ul>
        <p>
            "Scores are grouped into bands (for example Low 1-6, Medium 8-12, High 15-25). Each "
            "matrix cell shows its score and band name as well as its colour. The council's own "
            "bands and risk appetite are set on the Risks page under \u{201c}Score bands and appetite\u{201d}."
        </p>
        <p>
            "On the matrix, impact goes up and likelihood across. Tap a cell to list its entries in "
            "the register. Reading never moves a risk: markers stay put, and a swipe over the matrix "
            "scrolls the page. To change a residual score, an officer turns on \u{201c}Edit positions\u{201d} "
            "(this device remembers it), then drags a marker to another cell, or focuses it and "
            "uses the arrow keys then Enter; you are asked for a one-line reason, kept in the entry's "
            "history, and every move can be undone. Opportunities have bands of their own, since a "
            "high opportunity is good: by default a high opportunity is green."
        </p>
    }
}

/// "Reading the complaints charts".
#[component]
fn ComplaintsCharts() -> impl IntoView {
    view! {
        <h2 id="help-complaints">"Reading the complaints charts"</h2>
        <p>
            "Choose a procedure and a year at the top of the Complaints page; the address keeps the "
            "choice, so you can send a link to it. Each chart says in one sentence what it shows, "
            "prints every figure on the chart, and has the same figures as a table under "
            "\u{201c}Show the figures as a table\u{201d}. \u{201c}Not given\u{201d} means the report gives "
            "no figure; it is never counted as zero. Where fewer than 20 complaints are counted, "
            "the chart gives the counts rather than a percentage."
        </p>
        <p>
            "Timescales are counted in working days, leaving out weekends and the bank holidays of "
            "England and Wales: children's statutory stage 1 within 10 working days (up to 20) and "
            "stage 2 within 25 (up to 65); other complaints stage 1 within 10 and stage 2 within 20; "
            "adult social care within 6 months. Officers change a year's figures with "
            "\u{201c}Change the figures\u{201d}, or bring in a case list (one row per complaint) to have "
            "them counted."
        </p>
    }
}

/// "Where your data lives".
#[component]
fn YourData() -> impl IntoView {
    view! {
        <h2 id="help-data">"Where your data lives"</h2>
        <p>
            "Everything is kept in this browser on this device. Nothing is sent to a server and "
            "there is no account. Clearing your browser's site data deletes it, and some tablets "
            "delete a site's data after a week unused, so download a copy from the Data page to keep it."
        </p>
        <h3 id="help-fingerprint">"Whether a file changed after it was saved"</h3>
        <p data-testid="help-fingerprint">
            "Each copy Scrutineer saves records a fingerprint of the data in it. When you open a file, "
            "Scrutineer works the fingerprint out again and says whether the data is exactly as it was "
            "saved or changed since, for example by an edit in a text editor or a damaged attachment. "
            "This shows that a file changed, not who changed it, and anyone can write a file with a "
            "matching fingerprint: if a figure matters, check it with whoever sent the file."
        </p>
        <h3 id="help-compare">"Seeing what changed between two packs"</h3>
        <p>
            "To see which figures were revised, which indicators turned red and which risks moved between "
            "the pack open and another, "
            <a href=Route::Compare.href()>"compare two packs"</a>
            ". Comparing changes nothing."
        </p>
        <h3 id="help-versions">"Versions kept in this browser"</h3>
        <p data-testid="help-versions">
            "Each time a file is opened or combined over the data, the workspace is started empty, the demo is brought back "
            "or a version is restored, Scrutineer keeps the data as it was (and a file opened or combined in, as it was "
            "opened); and each download keeps the data as it was saved. The Data page lists them, to compare with what is open or put back (you can undo that). At most 30 are "
            "kept, within the room the browser allows, the oldest going first, but never one whose changes are in no file. "
            "They are in this browser only: a download is still the way to keep the data safe."
        </p>
        <h3 id="help-combine">"Combining two officers' copies"</h3>
        <p data-testid="help-combine">
            "When one officer updates the indicators and another the register, each in a copy of the same pack, "
            "one sends the other their file. Choose it on the Data page under \u{201c}Open a snapshot file\u{201d}, then "
            "\u{201c}Combine it with what is open\u{201d} rather than opening it. Where Scrutineer knows the copy both of "
            "you started from (a file it saved says which file it came from, and the files opened here are kept), what "
            "only one of you changed since is taken, a removal too; where it does not, anything only one copy holds, such "
            "as a new quarter's figures or assessments, is kept. Commentary is matched period by period, and an entry's "
            "history keeps the changes both of you noted. Where both copies hold an item differently, such as one "
            "figure, one risk's quarter or one complaints year, both are shown side by side with their sources and you "
            "choose which to keep, one at a time or a whole section at once; a removal that something kept still uses "
            "is asked too, with the reason. Nothing is combined until you say so, and Undo import puts back what was open. "
            <a href=Route::Combine.href()>"Combine a file"</a>
            "."
        </p>
    }
}

/// "Opening a file emailed to you, on an iPad": Mail cannot hand an
/// attachment to a web app, so it goes by way of the Files app.
#[component]
fn FromMail() -> impl IntoView {
    view! {
        <h2 id="help-mail">"Opening a file emailed to you, on an iPad"</h2>
        <p>"A copy of a pack comes as one file ending in .json. To open it from Mail:"</p>
        <ol class="list--bullet" data-testid="help-mail-steps">
            <li>"In Mail, touch and hold the attachment, then tap Save to Files."</li>
            <li>"Choose where to save it, such as On My iPad, then tap Save."</li>
            <li>
                "Open Scrutineer, go to the "
                <a href=Route::Data.href()>"Data"</a>
                " page and, under \u{201c}Open a snapshot file\u{201d}, tap the button to choose a file."
            </li>
            <li>"Tap Browse, find the file where you saved it, and tap it."</li>
            <li>"Check what the file holds, then tap \u{201c}Open this file\u{201d}."</li>
        </ol>
        <p>
            "Tapping the attachment in Mail only shows it: Scrutineer cannot open a file straight "
            "from Mail."
        </p>
    }
}

/// "Accessibility": where the statement is.
#[component]
fn Accessibility() -> impl IntoView {
    view! {
        <h2 id="help-accessibility">"Accessibility"</h2>
        <p>
            "The "
            <a href=Route::Accessibility.href() data-testid="help-accessibility">"accessibility statement"</a>
            " says how accessible Scrutineer is, what is known not to be, and how to report a problem."
        </p>
    }
}

/// "Using a keyboard".
#[component]
fn Keyboard() -> impl IntoView {
    view! {
        <h2 id="help-keyboard">"Using a keyboard"</h2>
        <p>
            "Press Tab to move between links and buttons and Enter to follow one. The first "
            "Tab on any page offers \u{201c}Skip to main content\u{201d}. Every view has its own "
            "address, so you can bookmark it or paste it into an email."
        </p>
    }
}
