//! Working offline: the service worker (`sw/sw.js`, finished by
//! `scripts/post-build.mjs`) keeps the app's files at the first visit. A newer
//! version is offered, never forced: it waits until the person chooses to
//! reload, and their data (in local storage) is not touched either way.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// Whether a newer version of the app is installed and waiting.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

pub fn use_update_ready() -> UpdateReady {
    expect_context::<UpdateReady>()
}

thread_local! {
    /// Set when the person chose to reload, so that only their choice reloads the page.
    static RELOADING: Cell<bool> = const { Cell::new(false) };
}

fn worker_container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent where the page is not a secure context (plain http on a network address).
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

pub(crate) fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Registers the service worker and watches for a new version, setting `ready`
/// when one is installed while this version is running.
pub fn register(ready: RwSignal<bool>) {
    let Some(container) = worker_container() else {
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(|| {
        if RELOADING.get() {
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    leptos::task::spawn_local(async move {
        // A refusal (no service worker support, a private window) leaves the
        // app working online as before; there is nothing for the person to do.
        // So does a registration that resolves to no registration at all (a
        // browser or test harness that blocks service workers).
        let Some(registration) = JsFuture::from(container.register("./sw.js"))
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
        else {
            return;
        };
        // On the first visit nothing controls the page yet, and the first
        // version is not an update.
        let running = move || worker_container().and_then(|c| c.controller()).is_some();
        // A new version may be found before this code runs (the browser checks
        // at every navigation), so one already installing is watched as well
        // as one found later, and a state already reached counts at once.
        let watch = move |worker: web_sys::ServiceWorker| {
            let installed = move |worker: &web_sys::ServiceWorker| {
                if worker.state() == ServiceWorkerState::Installed && running() {
                    ready.set(true);
                }
            };
            installed(&worker);
            let watched = worker.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || installed(&watched));
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        };
        if registration.waiting().is_some() && running() {
            ready.set(true);
        }
        if let Some(installing) = registration.installing() {
            watch(installing);
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = watched.installing() {
                watch(installing);
            }
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Moves to the waiting version: it takes over, and the page reloads into it.
pub fn reload_into_new_version() {
    leptos::task::spawn_local(async {
        let waiting = match worker_container() {
            Some(container) => JsFuture::from(container.get_registration())
                .await
                .ok()
                .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
                .and_then(|r| r.waiting()),
            None => None,
        };
        match waiting {
            Some(worker) => {
                RELOADING.set(true);
                if worker.post_message(&"skip-waiting".into()).is_err() {
                    reload();
                }
            }
            None => reload(),
        }
    });
}

/// "A new version is ready": shown once one is waiting, with the choice to reload.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let UpdateReady(ready) = use_update_ready();
    view! {
        <div role="status" class="update-status">
            <Show when=move || ready.get()>
                <section class="reminder" aria-label="New version" data-testid="update-ready">
                    <p class="reminder__text">
                        <strong>"A new version of Scrutineer is ready. "</strong>
                        "Reload to use it. Your data stays as it is."
                    </p>
                    <button type="button" class="button" on:click=|_| reload_into_new_version()>
                        "Reload now"
                    </button>
                </section>
            </Show>
        </div>
    }
}
