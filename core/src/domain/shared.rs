//! A list shared between copies of a snapshot until one of them changes it
//! (copy on write). Undo keeps up to fifty earlier snapshots: an edit of the
//! register then copies the register alone, and every undo step shares the
//! indicators and complaints with the snapshot on screen instead of holding
//! a copy of each.
//!
//! It reads as the list it holds (`Deref`), and changing it through
//! `DerefMut` first makes this copy's list its own. In the file it is the
//! list itself.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A `Vec<T>` shared between snapshot copies until one of them changes it.
#[derive(Debug, PartialEq)]
pub struct Shared<T>(Arc<Vec<T>>);

impl<T> Shared<T> {
    /// Whether `self` and `other` hold the very same list, not a copy.
    pub fn same_as(&self, other: &Shared<T>) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Clone for Shared<T> {
    /// Cheap: the copy shares the list.
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> Default for Shared<T> {
    fn default() -> Self {
        Shared(Arc::new(Vec::new()))
    }
}

impl<T> Deref for Shared<T> {
    type Target = Vec<T>;

    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    /// This copy's own list, copied first if another snapshot shares it.
    fn deref_mut(&mut self) -> &mut Vec<T> {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> From<Vec<T>> for Shared<T> {
    fn from(list: Vec<T>) -> Self {
        Shared(Arc::new(list))
    }
}

impl<T> FromIterator<T> for Shared<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Shared(Arc::new(items.into_iter().collect()))
    }
}

impl<'a, T> IntoIterator for &'a Shared<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut Shared<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        Arc::make_mut(&mut self.0).iter_mut()
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(Shared::from)
    }
}

/// In the file, the list itself.
#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Shared<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        Vec::<T>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<T>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_shares_the_list_until_it_changes_it() {
        let first: Shared<u32> = vec![1, 2, 3].into();
        let mut second = first.clone();
        assert!(second.same_as(&first));
        second.push(4);
        assert!(!second.same_as(&first), "changing it made it its own");
        assert_eq!(*first, vec![1, 2, 3]);
        assert_eq!(*second, vec![1, 2, 3, 4]);
        let third = second.clone();
        for n in &mut second {
            *n *= 10;
        }
        assert_eq!(*third, vec![1, 2, 3, 4]);
        assert_eq!(second.iter().sum::<u32>(), 100);
    }

    #[test]
    fn in_the_file_it_is_the_list() {
        let list: Shared<u32> = vec![5, 6].into();
        let text = serde_json::to_string(&list).expect("JSON");
        assert_eq!(text, "[5,6]");
        let back: Shared<u32> = serde_json::from_str(&text).expect("reads");
        assert_eq!(back, list);
    }
}
