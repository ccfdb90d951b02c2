//! Sharing a snapshot by email where the device has no share sheet: the
//! draft's subject and the words that tell the recipient how to open the
//! file, as a `mailto:` address (RFC 6068). A mail link cannot attach a file,
//! so the person attaches the copy just downloaded; the page says so.

use crate::domain::snapshot::Snapshot;
use crate::file::store::file_name;
use crate::route::percent_encode;

/// An email draft about a snapshot file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub subject: String,
    pub body: String,
}

impl Draft {
    /// The draft for sending `snapshot` as its file; `app` is the address the
    /// recipient opens Scrutineer at (this page's, without its `#` view).
    pub fn of(snapshot: &Snapshot, app: &str) -> Draft {
        let file = file_name(snapshot);
        let what = format!(
            "{}, {} {}",
            snapshot.organisation,
            snapshot.title,
            snapshot.as_at_label()
        );
        let subject = format!("Scrutineer pack: {what}");
        let body = [
            format!("Attached is {file}, a Scrutineer snapshot: {what}."),
            String::new(),
            "To open it:".to_owned(),
            format!("1. Save the attachment, then go to {app} in a web browser (a tablet works; there is nothing to install)."),
            "2. Choose Data, then \"Open a snapshot file\", and choose the file.".to_owned(),
            "3. Check what it holds, then choose \"Open this file\".".to_owned(),
            String::new(),
            "The figures stay in your browser on your device; nothing is sent anywhere.".to_owned(),
        ]
        .join("\r\n");
        Draft { subject, body }
    }

    /// `mailto:?subject=…&body=…`, with no recipient: the sender chooses.
    pub fn mailto(&self) -> String {
        format!(
            "mailto:?subject={}&body={}",
            percent_encode(&self.subject),
            percent_encode(&self.body)
        )
    }
}

/// The address of the app itself: `href` without its `#view`.
pub fn app_address(href: &str) -> &str {
    href.split_once('#').map_or(href, |(page, _)| page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::split_query;

    #[test]
    fn the_draft_names_the_file_and_says_how_to_open_it() {
        let demo = Snapshot::demo();
        let draft = Draft::of(&demo, "https://intranet.example.gov.uk/scrutineer/");
        assert_eq!(
            draft.subject,
            "Scrutineer pack: Lancashire County Council, Cabinet Committee on Performance Improvement as at 30 June 2019"
        );
        assert!(draft.body.starts_with(
            "Attached is lancashire-county-council-2019-06-30.json, a Scrutineer snapshot"
        ));
        assert!(draft
            .body
            .contains("go to https://intranet.example.gov.uk/scrutineer/ in a web browser"));
        assert!(draft
            .body
            .contains("Choose Data, then \"Open a snapshot file\""));
    }

    #[test]
    fn the_mail_address_encodes_every_reserved_character_and_decodes_back() {
        let draft = Draft {
            subject: "Q1 & Q2: 50% done?".to_owned(),
            body: "Line one\r\nLine two #3 = café".to_owned(),
        };
        let address = draft.mailto();
        assert_eq!(
            address,
            "mailto:?subject=Q1%20%26%20Q2%3A%2050%25%20done%3F&body=Line%20one%0D%0ALine%20two%20%233%20%3D%20caf%C3%A9"
        );
        // Nothing in it can end a field early: its query decodes to the same words.
        let (_, pairs) = split_query(address.strip_prefix("mailto:").unwrap());
        assert_eq!(
            pairs,
            [
                ("subject".to_owned(), draft.subject.clone()),
                ("body".to_owned(), draft.body.clone())
            ]
        );
    }

    #[test]
    fn the_app_address_drops_the_view() {
        assert_eq!(
            app_address("https://x.gov.uk/scrutineer/#/risks?band=High"),
            "https://x.gov.uk/scrutineer/"
        );
        assert_eq!(
            app_address("https://x.gov.uk/scrutineer/"),
            "https://x.gov.uk/scrutineer/"
        );
    }
}
