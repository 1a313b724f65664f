#pragma once

#include "store/storeerror.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace vaulttray {

// One numbered step of the schema. Steps are applied one at a time, each in its own transaction
// together with the new version number, so a failing step leaves the previous version intact.
struct Migration
{
    int version = 0;
    QStringList statements;
};

// Every migration this binary knows, in order; the last one's version is the current schema.
const QList<Migration> &schemaMigrations();
int currentSchemaVersion();

// 0 for a file with no schema yet.
StoreError readSchemaVersion(QSqlDatabase &db, int *version);
StoreError migrate(QSqlDatabase &db, const QList<Migration> &migrations);

} // namespace vaulttray
