// Calendly webhook bodies: CalendlyPayloadParser::parseWebhookBody on the raw bytes, then parseInvitee
// on the payload (the polling path), then what the engine does next with an accepted event.
#include "FuzzSupport.h"
#include "calendly/BookingEvent.h"
#include "calendly/CalendlyPayloadParser.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace deskbell;

namespace {

void checkResult(const CalendlyPayloadParser::Result &result)
{
    using Status = CalendlyPayloadParser::Result::Status;
    DESKBELL_FUZZ_CHECK((result.status == Status::Ok) == result.event.has_value());
    if (result.status == Status::Rejected) {
        DESKBELL_FUZZ_CHECK(!result.reason.isEmpty());
    }
    if (result.event) {
        const BookingEvent &event = *result.event;
        DESKBELL_FUZZ_CHECK(!event.invitee.inviteeUri.isEmpty());
        DESKBELL_FUZZ_CHECK(!event.dedupeKey().isEmpty());
        bool ok = false;
        DESKBELL_FUZZ_CHECK(bookingEventTypeFromString(keyOf(event.type), &ok) == event.type && ok);
        // A valid number is E.164; an invalid one never passes as valid.
        if (event.invitee.hasValidPhone()) {
            DESKBELL_FUZZ_CHECK(event.invitee.phoneE164.startsWith(u'+'));
        }
        (void)event.invitee.recipient();
        (void)keyOf(event.invitee.status);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Input: the default region on the first line (up to 3 characters: "TH", "", "us", "XX"), then the
    // body as it would arrive over HTTP. Without such a line it is all body and no region is set.
    const QByteArray input = fuzz::bytes(data, size);
    const qsizetype newline = input.indexOf('\n');
    const bool hasRegion = newline >= 0 && newline <= 3;
    const QString region = hasRegion ? QString::fromUtf8(input.left(newline)) : QString();
    const QByteArray body = hasRegion ? input.mid(newline + 1) : input;
    const CalendlyPayloadParser parser(region);

    const CalendlyPayloadParser::Result result = parser.parseWebhookBody(body);
    checkResult(result);
    bool ok = false;
    (void)bookingEventTypeFromString(result.eventName, &ok);

    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonObject root = document.object();
        const QJsonObject payload = root.value(QLatin1String("payload")).toObject();
        const auto type = BookingEvent::Type(body.size() % 4);
        checkResult(parser.parseInvitee(type, payload.isEmpty() ? root : payload));
        // Items of the invitees list come with the scheduled event passed separately.
        checkResult(parser.parseInvitee(type, payload, root.value(QLatin1String("resource")).toObject()));
    }
    return 0;
}
