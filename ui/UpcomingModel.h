#pragma once

#include "Engine.h"

#include <QAbstractItemModel>
#include <QList>
#include <QTimeZone>

namespace deskbell {

// Upcoming appointments (top level) with their messages (children), read-only. A tree model of
// plain values: the engine hands over a snapshot, the model never touches the database.
class UpcomingModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        When,
        Who,
        What,
        Phone,
        Status,
        ColumnCount,
    };

    explicit UpcomingModel(QTimeZone deskZone, QObject *parent = nullptr);

    void setItems(QList<Engine::UpcomingItem> items);
    int appointmentCount() const { return int(m_items.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant appointmentData(const Engine::UpcomingItem &item, int column, int role) const;
    QVariant messageData(const OutboxMessage &message, int column, int role) const;
    QString deskTime(const QDateTime &utc) const;

    QTimeZone m_deskZone;
    QList<Engine::UpcomingItem> m_items;
};

} // namespace deskbell
