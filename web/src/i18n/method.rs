//! The texts of the method section.

texts! {
    /// A text of the method section.
    KMethod;
}
