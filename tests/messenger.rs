//! The generated `errcat_catalogs::messenger` module, entry by entry against the catalog model it was
//! generated from (loaded here with errcat-build), and against a few values read off the
//! source document (`tests/sources/messenger.txt`).

use std::path::Path;
use std::sync::OnceLock;

use errcat::{UnknownCode, UnknownName};
use errcat_build::model::{Catalog, Code, Entry, Value};
use errcat_catalogs::messenger::{self, Detailed, Error, Minor, Section, minor};

fn model() -> &'static Catalog {
    static MODEL: OnceLock<Catalog> = OnceLock::new();
    MODEL.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs");
        errcat_build::load_dir(&dir)
            .unwrap_or_else(|e| panic!("the bundled catalogs do not load:\n{e}"))
            .into_iter()
            .find(|c| c.module == "messenger")
            .expect("catalogs/messenger.yaml")
    })
}

fn code(entry: &Entry) -> u32 {
    match entry.code {
        Code::Integer(n) => n,
        Code::String(ref s) => panic!("messenger code {s} is not an integer"),
    }
}

/// The model's value of a catalog column for an entry.
fn column<'a>(entry: &'a Entry, name: &str) -> Option<&'a Value> {
    let i = model()
        .columns
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    entry.columns[i].as_ref()
}

fn flag(entry: &Entry, name: &str) -> bool {
    match column(entry, name) {
        Some(Value::Bool(b)) => *b,
        other => panic!("{}: {name} is {other:?}", entry.label()),
    }
}

fn entry(code: u32) -> &'static Entry {
    model()
        .find(&Code::Integer(code))
        .unwrap_or_else(|| panic!("no code {code} in the catalog"))
}

#[test]
fn every_major_round_trips_through_code_and_name() {
    assert_eq!(Error::ALL.len(), model().entry_count());
    for (e, &error) in model().entries().zip(Error::ALL) {
        let n = code(e);
        assert_eq!(error.code(), n, "{}: ALL is in document order", e.label());
        assert_eq!(Error::from_code(n), Some(error), "{}", e.label());
        assert_eq!(Error::try_from(n), Ok(error), "{}", e.label());
        assert_eq!(u32::from(error), n, "{}", e.label());
        assert_eq!(error.name(), e.name, "{}", e.label());
        assert_eq!(Error::from_name(&e.name), Some(error), "{}", e.label());
        assert_eq!(e.name.parse::<Error>(), Ok(error), "{}", e.label());
    }
}

#[test]
fn every_major_states_what_the_catalog_states() {
    for (s, e) in model().entries_with_section() {
        let error = Error::from_code(code(e)).expect("listed");
        let label = e.label();
        assert_eq!(error.message(), e.message.text(&e.placeholders), "{label}");
        assert_eq!(error.to_string(), error.message(), "{label}");
        assert_eq!(error.description(), e.description.as_deref(), "{label}");
        assert_eq!(Some(error.http_status()), e.status, "{label}");
        assert_eq!(error.reaction(), e.reaction.as_deref(), "{label}");
        assert_eq!(error.deprecation(), e.deprecated.as_deref(), "{label}");
        assert_eq!(error.aliases(), e.aliases, "{label}");
        assert_eq!(error.section().name(), model().sections[s].name, "{label}");
        assert_eq!(error.wait_parameter(), flag(e, "wait_parameter"), "{label}");
        assert_eq!(error.is_virtual(), flag(e, "is_virtual"), "{label}");
        let request = column(e, "request").map(|v| match v {
            Value::Integer(n) => *n,
            other => panic!("{label}: request is {other:?}"),
        });
        assert_eq!(error.request(), request, "{label}");
    }
}

#[test]
fn sections_hold_their_members_in_document_order() {
    assert_eq!(Section::ALL.len(), model().sections.len());
    for (&section, s) in Section::ALL.iter().zip(&model().sections) {
        assert_eq!(section.name(), s.name);
        assert_eq!(section.title(), s.title);
        assert_eq!(section.to_string(), s.title);
        assert_eq!(section.description(), s.description.as_deref());
        let members: Vec<u32> = section.errors().iter().map(|e| e.code()).collect();
        let expected: Vec<u32> = s.entries.iter().map(code).collect();
        assert_eq!(members, expected, "section {}", s.name);
        assert!(section.errors().iter().all(|e| e.section() == section));
    }
}

#[test]
fn every_minor_round_trips_through_minor_and_detailed() {
    let mut minors = 0;
    for e in model().entries() {
        let error = Error::from_code(code(e)).expect("listed");
        for m in &e.minors {
            minors += 1;
            let mc = m
                .code
                .as_integer()
                .expect("the messenger's minor codes are integers");
            let label = format!("{} minor {}", e.label(), mc);
            let typed = Minor::from_codes(error, mc).unwrap_or_else(|| panic!("{label}"));
            assert_eq!(typed.code(), mc, "{label}");
            assert_eq!(typed.error(), error, "{label}");
            assert_eq!(typed.detail(), m.detail.as_deref(), "{label}");
            assert_eq!(typed.reaction(), m.effective_reaction(e), "{label}");

            let detailed = Detailed::from_wire(code(e), mc).expect("a known major");
            assert_eq!(detailed.to_wire(), (code(e), mc), "{label}");
            assert_eq!(detailed.error(), error, "{label}");
            assert_eq!(detailed.minor_code(), mc, "{label}");
            assert_eq!(detailed.minor(), Some(typed), "{label}");
            assert_eq!(detailed.detail(), m.detail.as_deref(), "{label}");
            assert_eq!(detailed.reaction(), m.effective_reaction(e), "{label}");
            assert_eq!(Detailed::from(typed), detailed, "{label}");
            assert_eq!(Detailed::new(error, mc), detailed, "{label}");
            let shown = match &m.detail {
                Some(detail) => format!("{}: {detail}", error.message()),
                None => format!("{} (minor {})", error.message(), mc),
            };
            assert_eq!(detailed.to_string(), shown, "{label}");
        }
        // A minor code past the documented ones is not a typed minor code.
        let past = e
            .minors
            .iter()
            .filter_map(|m| m.code.as_integer())
            .max()
            .unwrap_or(0)
            + 1;
        assert_eq!(Minor::from_codes(error, past), None, "{}", e.label());
    }
    assert_eq!(minors, model().minor_count());
    assert!(minors > 0);
}

/// Checks each minor-code type of the module (listed by name, since each is a type of its
/// own): `ALL` against the catalog's minor codes in order, `from_code` round trips, `ERROR`,
/// detail, reaction, `Display`, and the conversion into `Minor`. Evaluates to the major codes
/// covered.
macro_rules! check_minor_types {
    ($($ty:ident),* $(,)?) => {{
        let mut covered: Vec<u32> = Vec::new();
        $({
            let error = minor::$ty::ERROR;
            let e = entry(error.code());
            let name = stringify!($ty);
            let codes: Vec<u32> = minor::$ty::ALL.iter().map(|m| m.code()).collect();
            let expected: Vec<u32> =
                    e.minors.iter().filter_map(|m| m.code.as_integer()).collect();
            assert_eq!(codes, expected, "minor::{name}");
            for &m in minor::$ty::ALL {
                let model = e.minors.iter().find(|x| x.code.as_integer() == Some(m.code())).expect("listed");
                assert_eq!(minor::$ty::from_code(m.code()), Some(m), "minor::{name}");
                assert_eq!(m.detail(), model.detail.as_deref(), "minor::{name}");
                assert_eq!(m.reaction(), model.effective_reaction(e), "minor::{name}");
                let wrapped = Minor::from(m);
                assert_eq!(
                    wrapped.to_string(),
                    model.detail.as_deref().unwrap_or(error.message()),
                    "minor::{name}"
                );
                assert_eq!(Minor::from_codes(error, m.code()), Some(wrapped), "minor::{name}");
                assert_eq!(wrapped.error(), error, "minor::{name}");
            }
            let past = codes.iter().max().expect("a minor code") + 1;
            assert_eq!(minor::$ty::from_code(past), None, "minor::{name}");
            covered.push(error.code());
        })*
        covered
    }};
}

#[test]
fn every_minor_type_round_trips_through_from_code() {
    let mut covered = check_minor_types!(
        UserRegisterBadPayload,
        UserVerifyBadPayload,
        UserLoginBadPayload,
        UserLoginFailed,
        UserProfileSetNicknameBadPayload,
        UserProfileSetEmailBadPayload,
        UserProfileSetGenderBadPayload,
        UserContactsImportBadPayload,
        UserContactsDeleteBadPayload,
        UserContactsEditBadPayload,
        UserAvatarAddBadPayload,
        UserAvatarDeleteBadPayload,
        UserAvatarGetListBadPayload,
        UserInfoBadPayload,
        UserDeleteBadPayload,
        UserProfileSetSelfRemoveBadPayload,
        UserProfileUpdateUsernameBadPayload,
        UserUpdateStatusBadPayload,
        UserSessionTerminateBadPayload,
        UserSessionLogoutBadPayload,
        UserContactsBlockBadPayload,
        UserContactsUnblockBadPayload,
        UserTwoStepVerificationVerifyPasswordBadPayload,
        UserTwoStepVerificationSetPasswordBadPayload,
        UserTwoStepVerificationUnsetPasswordBadPayload,
        UserTwoStepVerificationUnsetPasswordInvalidPassword,
        UserTwoStepVerificationCheckPasswordBadPayload,
        UserTwoStepVerificationCheckPasswordNoPassword,
        UserTwoStepVerificationVerifyRecoveryEmailBadPayload,
        UserTwoStepVerificationChangeRecoveryEmailBadPayload,
        UserTwoStepVerificationRecoverPasswordByTokenBadPayload,
        UserTwoStepVerificationRecoverPasswordByAnswersBadPayload,
        UserTwoStepVerificationChangeRecoveryQuestionBadPayload,
        UserTwoStepVerificationChangeHintBadPayload,
        UserPrivacyGetRuleBadPayload,
        UserPrivacySetRuleBadPayload,
        UserVerifyNewDeviceBadPayload,
        UserProfileSetBioBadPayload,
        UserReportBadPayload,
        UserSetBotBadPayload,
        ChatGetRoomBadPayload,
        ChatGetRoomPeerNotFound,
        ChatSendMessageBadPayload,
        ChatUpdateStatusBadPayload,
        ChatEditMessageBadPayload,
        ChatDeleteMessageBadPayload,
        ChatClearMessageBadPayload,
        ChatDeleteBadPayload,
        ChatUpdateDraftBadPayload,
        ChatGetDraftBadPayload,
        ChatConvertToGroupBadPayload,
        ChatSetActionBadPayload,
        GroupCreateBadPayload,
        GroupAddMemberBadPayload,
        GroupSendMessageBadPayload,
        GroupUpdateStatusBadPayload,
        GroupDeleteMessageBadPayload,
        GroupClearMessageBadPayload,
        GroupAddModeratorBadPayload,
        GroupAddAdminBadPayload,
        GroupKickModeratorBadPayload,
        GroupKickAdminBadPayload,
        GroupEditBadPayload,
        GroupKickMemberBadPayload,
        GroupLeftBadPayload,
        GroupAvatarAddBadPayload,
        GroupAvatarDeleteBadPayload,
        GroupUpdateDraftBadPayload,
        GroupGetDraftBadPayload,
        GroupGetMemberListBadPayload,
        GroupDeleteBadPayload,
        GroupSetActionBadPayload,
        GroupCheckUsernameBadPayload,
        GroupUpdateUsernameBadPayload,
        GroupRemoveUsernameBadPayload,
        GroupRevokeLinkBadPayload,
        GroupEditMessageBadPayload,
        GroupPinMessageBadPayload,
        ChannelCreateBadPayload,
        ChannelAddMemberBadPayload,
        ChannelSendMessageBadPayload,
        ChannelDeleteBadPayload,
        ChannelDeleteMessageBadPayload,
        ChannelGetMemberListBadPayload,
        ChannelAddModeratorBadPayload,
        ChannelAddAdminBadPayload,
        ChannelKickModeratorBadPayload,
        ChannelKickAdminBadPayload,
        ChannelEditBadPayload,
        ChannelKickMemberBadPayload,
        ChannelLeftBadPayload,
        ChannelAvatarAddBadPayload,
        ChannelAvatarDeleteBadPayload,
        ChannelUpdateDraftBadPayload,
        ChannelGetDraftBadPayload,
        ChannelCheckUsernameBadPayload,
        ChannelUpdateUsernameBadPayload,
        ChannelRemoveUsernameBadPayload,
        ChannelRevokeLinkBadPayload,
        ChannelUpdateSignatureBadPayload,
        ChannelGetMessagesStatsBadPayload,
        ChannelAddMessageReactionBadPayload,
        ChannelEditMessageBadPayload,
        ChannelUpdateReactionStatusBadPayload,
        ChannelPinMessageBadPayload,
        InfoCountryBadPayload,
        InfoPageBadPayload,
        InfoWallpaperBadPayload,
        ClientConditionBadPayload,
        ClientGetRoomListBadPayload,
        ClientGetRoomBadPayload,
        ClientGetRoomHistoryBadPayload,
        ClientSearchRoomHistoryBadPayload,
        ClientResolveUsernameBadPayload,
        ClientGetRoomMessageBadPayload,
        ClientCheckInviteLinkBadPayload,
        ClientJoinByInviteLinkBadPayload,
        ClientJoinByUsernameBadPayload,
        ClientSubscribeToRoomBadPayload,
        ClientUnsubscribeFromRoomBadPayload,
        ClientSearchUsernameBadPayload,
        ClientCountRoomHistoryBadPayload,
        ClientMuteRoomBadPayload,
        ClientPinRoomBadPayload,
        ClientRoomReportBadPayload,
        ClientRegisterDeviceBadPayload,
        FileUploadOptionBadPayload,
        FileUploadInitBadPayload,
        FileUploadBadPayload,
        FileUploadStatusBadPayload,
        FileInfoBadPayload,
        FileDownloadBadPayload,
        QrCodeJoinBadPayload,
        QrCodeResolveBadPayload,
        QrCodeNewDeviceBadPayload,
        QrCodeAddContactBadPayload,
        SignalingOfferBadPayload,
        SignalingAcceptBadPayload,
        SignalingCandidateBadPayload,
        SignalingSessionHoldBadPayload,
        SignalingGetLogBadPayload,
        SignalingClearLogBadPayload,
        SignalingRateBadPayload,
        GeoRegisterBadPayload,
        GeoUpdatePositionBadPayload,
        GeoGetCommentBadPayload,
        GeoUpdateCommentBadPayload,
        GeoGetNearbyDistanceBadPayload,
        GeoGetNearbyCoordinateBadPayload,
        WalletPaymentInitBadPayload,
        WalletIdMappingBadPayload,
        MplGetBillTokenBadPayload,
        MplGetTopupTokenBadPayload,
        BillInquiryMciBadPayload,
        BillInquiryTelecomBadPayload,
    );
    // The list above names every code that has minor codes, once.
    covered.sort_unstable();
    let mut expected: Vec<u32> = model()
        .entries()
        .filter(|e| !e.minors.is_empty())
        .map(code)
        .collect();
    expected.sort_unstable();
    assert_eq!(covered, expected);
}

#[test]
fn an_undocumented_minor_code_is_kept() {
    let d = Detailed::from_wire(100, 99).expect("100 is a known major");
    assert_eq!(d.error(), Error::UserRegisterBadPayload);
    assert_eq!(d.minor_code(), 99);
    assert_eq!(d.minor(), None);
    assert_eq!(d.detail(), None);
    assert_eq!(d.reaction(), Error::UserRegisterBadPayload.reaction());
    assert_eq!(d.to_wire(), (100, 99));
    assert_eq!(Detailed::from_wire(d.to_wire().0, d.to_wire().1), Ok(d));
    assert_eq!(d.to_string(), "Bad payload for request #100 (minor 99)");

    // Under 111, whose table documents only minor 4, an unknown minor gets the `*` row's
    // reaction.
    let d = Detailed::from_wire(111, 7).expect("111 is a known major");
    assert_eq!(d.minor(), None);
    assert_eq!(d.reaction(), Some("Go to registration page"));
    assert_eq!(d.to_wire(), (111, 7));
}

#[test]
fn unknown_codes_and_names_are_rejected() {
    let unknown = UnknownCode {
        catalog: messenger::NAME,
    };
    for n in [0, 11, 99, 10175, 9999] {
        assert_eq!(Error::from_code(n), None, "{n}");
        assert_eq!(Error::try_from(n), Err(unknown), "{n}");
        assert_eq!(Detailed::from_wire(n, 1), Err(unknown), "{n}");
    }
    assert_eq!(
        "BAD_REQUESTS".parse::<Error>(),
        Err(UnknownName {
            catalog: messenger::NAME
        })
    );
    assert_eq!(Error::from_name("bad_request"), None);
}

/// Values read straight off `tests/sources/messenger.txt`, independent of the catalog model.
#[test]
fn spot_checks_against_the_document() {
    // "565 numeric major codes in 14 sections".
    assert_eq!(Error::ALL.len(), 565);
    assert_eq!(Section::ALL.len(), 14);

    // ### :triangular_flag_on_post: :one: Error 10 - FLOOD_REQUEST
    let flood = Error::from_code(10).unwrap();
    assert_eq!(flood, Error::FloodRequest);
    assert_eq!(flood.name(), "FLOOD_REQUEST");
    assert!(flood.wait_parameter());
    assert!(!Error::BadRequest.wait_parameter());
    assert_eq!(flood.section(), Section::System);

    // ### Error 111 - USER_LOGIN_FAILED: `*` row reaction "Go to registration page",
    // minor 4 "Your account is blocked".
    let failed = Error::UserLoginFailed;
    assert_eq!(failed.code(), 111);
    assert_eq!(failed.message(), "Login failed");
    assert_eq!(failed.reaction(), Some("Go to registration page"));
    let blocked = minor::UserLoginFailed::from_code(4).unwrap();
    assert_eq!(blocked.detail(), Some("Your account is blocked"));
    assert_eq!(blocked.reaction(), Some("Go to registration page"));
    assert_eq!(failed.request(), None);

    // ### Error 602 - CLIENT_UPDATE_MESSAGE_BAD_PAYLOAD / Virtual Error
    let virtual_error = Error::from_code(602).unwrap();
    assert_eq!(virtual_error, Error::ClientUpdateMessageBadPayload);
    assert!(virtual_error.is_virtual());
    assert_eq!(virtual_error.message(), "Virtual Error");
    assert!(!Error::ClientConditionInternalServerError.is_virtual());
    assert_eq!(
        Error::ALL.iter().filter(|e| e.is_virtual()).count(),
        8,
        "602-609 are the document's virtual errors"
    );

    // ### Error 9104 - MPL_GET_TOPUP_TOKEN_BAD_PAYLOAD, request #9101: minor 1
    // "charge_mobile_number is invalid", 2 "amount is invalid", and "type is invalid", which
    // the document also numbers 2 (the catalog numbers it 3; see deviations.yaml).
    let topup = Error::from_code(9104).unwrap();
    assert_eq!(topup.name(), "MPL_GET_TOPUP_TOKEN_BAD_PAYLOAD");
    assert_eq!(topup.request(), Some(9101));
    let details: Vec<_> = minor::MplGetTopupTokenBadPayload::ALL
        .iter()
        .map(|m| (m.code(), m.detail()))
        .collect();
    assert_eq!(
        details,
        [
            (1, Some("charge_mobile_number is invalid")),
            (2, Some("amount is invalid")),
            (3, Some("type is invalid")),
        ]
    );
    assert_eq!(
        Detailed::from_wire(9104, 2).unwrap().to_string(),
        "Bad payload for request #9101: amount is invalid"
    );

    // ### Error 100 - USER_REGISTER_BAD_PAYLOAD, request #100, minors 1-3.
    let register = Error::UserRegisterBadPayload;
    assert_eq!(register.request(), Some(100));
    assert_eq!(
        minor::UserRegisterBadPayload::from_code(3).and_then(|m| m.detail()),
        Some("PreferenceMethod is invalid")
    );

    // ### Error 2 - LOGIN_REQUIRED: reaction "Send message message [#102](...)", the doubled
    // word dropped (see deviations.yaml).
    assert_eq!(Error::LoginRequired.reaction(), Some("Send message #102"));

    // ### Error 202 - CHAT_GET_ROOM_PEER_NOT_FOUND: minors 1 and 2 have no detail (`*`).
    let peer = Detailed::from_wire(202, 1).unwrap();
    assert!(peer.minor().is_some());
    assert_eq!(peer.detail(), None);
    assert_eq!(
        peer.to_string(),
        "There is no active user with the given peer_ID for request #200 (minor 1)"
    );
}
