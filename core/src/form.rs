//! A form's fields and faults, typed: each form names its fields with an enum
//! that gives the field's element id, so a fault can only be raised against a
//! field the form has, and the error summary's links always find their field.

/// A field of a form: one variant per input (or per row of inputs, with the
/// row in the variant), and the id of its element in the page.
pub trait FormField: Copy + PartialEq + Send + Sync + 'static {
    /// The input's element id: unique in the page, so a link can focus it.
    fn id(self) -> String;
}

/// A field that was refused, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError<F> {
    pub field: F,
    pub message: String,
}

impl<F: FormField> FieldError<F> {
    pub fn new(field: F, message: impl Into<String>) -> Self {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

/// The message for `field` among `errors`, if it was refused.
pub fn message_for<F: FormField>(errors: &[FieldError<F>], field: F) -> Option<&str> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}

/// A form's faults for its error summary: each field's element id and message.
pub fn summary<F: FormField>(errors: &[FieldError<F>]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.field.id(), e.message.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Sample {
        Name,
        Row(usize),
    }

    impl FormField for Sample {
        fn id(self) -> String {
            match self {
                Sample::Name => "sample-name".to_owned(),
                Sample::Row(i) => format!("sample-row-{i}"),
            }
        }
    }

    #[test]
    fn a_fault_is_found_by_its_field_and_summarised_by_its_element_id() {
        let errors = vec![
            FieldError::new(Sample::Row(2), "Enter a number"),
            FieldError::new(Sample::Name, "Enter a name"),
        ];
        assert_eq!(message_for(&errors, Sample::Name), Some("Enter a name"));
        assert_eq!(message_for(&errors, Sample::Row(1)), None);
        assert_eq!(
            summary(&errors),
            vec![
                ("sample-row-2".to_owned(), "Enter a number".to_owned()),
                ("sample-name".to_owned(), "Enter a name".to_owned()),
            ]
        );
    }
}
