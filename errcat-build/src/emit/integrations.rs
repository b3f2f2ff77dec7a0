//! The http and axum integrations of `Error` and `Body` (those of `Failure` are beside it, in
//! `failure`). Each is generated only where `Config` turns it on, and names the runtime's
//! modules (`status`, `response`) through the file's `errcat_integrations` module.

use proc_macro2::TokenStream;
use quote::quote;

use super::Integrations;

pub(super) fn items(on: Integrations) -> TokenStream {
    let http = on.http.then(|| {
        quote! {
            impl Error {
                /// The HTTP status the error is returned with, as an `http::StatusCode`.
                #[inline]
                pub fn status_code(self) -> status::http::StatusCode {
                    status::status_code(self.http_status())
                }
            }

            impl Body {
                /// [`Body::status`] as an `http::StatusCode`; 500 where a received status is not
                /// a valid one.
                #[inline]
                pub fn status_code(&self) -> status::http::StatusCode {
                    status::status_code(self.status)
                }
            }
        }
    });
    let axum = on.axum.then(|| {
        quote! {
            /// The body's status, `content-type: application/json` and the documented body.
            impl response::axum_core::response::IntoResponse for Body {
                #[inline]
                fn into_response(self) -> response::axum_core::response::Response {
                    response::json(self.status, "application/json", &self)
                }
            }
        }
    });
    quote!(#http #axum)
}
