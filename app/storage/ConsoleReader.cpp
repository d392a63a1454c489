#include "storage/ConsoleReader.h"

namespace deskbell {

ConsoleReader::ConsoleReader(QObject *parent)
    : QObject(parent)
{}

ConsoleReader::~ConsoleReader() = default;

} // namespace deskbell
