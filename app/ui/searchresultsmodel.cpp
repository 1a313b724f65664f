#include "ui/searchresultsmodel.h"

#include <QLocale>

namespace vaulttray {

SearchResultsModel::SearchResultsModel(QObject *parent) : QAbstractTableModel(parent) {}

void SearchResultsModel::reset()
{
    beginResetModel();
    m_hits.clear();
    m_more = false;
    m_waiting = true;
    endResetModel();
}

void SearchResultsModel::appendPage(int offset, const QList<SearchHit> &hits)
{
    if (offset != m_hits.size())
        return; // a page for an older scroll position
    m_waiting = false;
    m_more = hits.size() >= kPageSize;
    if (hits.isEmpty())
        return;
    beginInsertRows({}, int(m_hits.size()), int(m_hits.size() + hits.size() - 1));
    m_hits << hits;
    endInsertRows();
}

const SearchHit *SearchResultsModel::hitAt(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    const SearchHit *hit = hitAt(index.row());
    if (!hit)
        return {};
    if (role == Qt::ToolTipRole)
        return hit->snippet;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case DateColumn: return QLocale().toString(hit->date.toLocalTime(), QLocale::ShortFormat);
    case FromColumn: return hit->from;
    case SubjectColumn: return hit->subject.isEmpty() ? tr("(no subject)") : hit->subject;
    case AccountColumn: return hit->accountName;
    default: return {};
    }
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn: return tr("Date");
    case FromColumn: return tr("From");
    case SubjectColumn: return tr("Subject");
    case AccountColumn: return tr("Account");
    default: return {};
    }
}

bool SearchResultsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_waiting;
}

void SearchResultsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_waiting = true;
    emit pageWanted(int(m_hits.size()));
}

} // namespace vaulttray
