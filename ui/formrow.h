// A form row whose field is a layout (a line edit beside a combo box): QFormLayout gives such a
// label no buddy, so its mnemonic would show as a literal '&' and reach nothing.
#pragma once

class QFormLayout;
class QLabel;
class QLayout;
class QString;
class QWidget;

// Adds the row with a label whose mnemonic focuses buddy; returns the label.
QLabel *addRowWithBuddy(QFormLayout *form, const QString &label, QLayout *field, QWidget *buddy);
