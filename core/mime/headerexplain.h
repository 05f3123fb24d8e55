// What each header field of a message is for, in plain words: one table for the transcript's
// message view and the command line.
#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

class HeaderExplain
{
    Q_DECLARE_TR_FUNCTIONS(HeaderExplain)
public:
    // The field named (any case); an unknown X- field gets a general note, any other unknown
    // field an empty string.
    static QString field(QByteArrayView name);
};
