#pragma once

#include "store/archivereader.h"

#include <QAbstractTableModel>

namespace vaulttray {

// The hits of one search, newest first, filled a page at a time as the view scrolls (canFetchMore).
class SearchResultsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DateColumn, FromColumn, SubjectColumn, AccountColumn, ColumnCount };
    static constexpr int kPageSize = 200;

    explicit SearchResultsModel(QObject *parent = nullptr);

    void reset();
    // A page arrived; a short page means there is nothing more.
    void appendPage(int offset, const QList<SearchHit> &hits);
    const SearchHit *hitAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void pageWanted(int offset);

private:
    QList<SearchHit> m_hits;
    bool m_more = false;
    bool m_waiting = false;
};

} // namespace vaulttray
