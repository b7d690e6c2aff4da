//! The texts of "Mål och uppföljning": the targets' cards, the gap package, the follow-up
//! files and forms.

texts! {
    /// A text of the follow-up section.
    KTargets;
}
