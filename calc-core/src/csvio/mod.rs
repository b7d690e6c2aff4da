//! CSV reading and writing (placeholder, filled next).
