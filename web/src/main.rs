//! Entry point of the wasm32 binary: mounts [`web::App`] on `<body>`.

fn main() {
    yew::Renderer::<web::App>::new().render();
}
