// Build-time tool: renders the SVG application icon to a PNG of one size, for the hicolor
// theme's fixed-size folders. Uses Qt's own SVG image plugin, so the build needs nothing more.
// Usage: rendericon SVG SIZE PNG
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QTextStream>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    bool ok = false;
    const int size = args.value(2).toInt(&ok);
    if (args.size() != 4 || !ok || size <= 0) {
        err << "usage: rendericon SVG SIZE PNG\n";
        return 2;
    }
    QImageReader reader(args[1]);
    reader.setScaledSize(QSize(size, size));
    const QImage image = reader.read();
    if (image.isNull()) {
        err << "rendericon: cannot render " << args[1] << ": " << reader.errorString()
            << " (is Qt's SVG image plugin, libqt6svg6, installed?)\n";
        return 1;
    }
    if (!image.save(args[3], "PNG")) {
        err << "rendericon: cannot write " << args[3] << '\n';
        return 1;
    }
    return 0;
}
