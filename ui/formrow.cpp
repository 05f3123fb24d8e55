#include "formrow.h"

#include <QFormLayout>
#include <QLabel>

QLabel *addRowWithBuddy(QFormLayout *form, const QString &label, QLayout *field, QWidget *buddy)
{
    auto *l = new QLabel(label);
    l->setBuddy(buddy);
    form->addRow(l, field);
    return l;
}
