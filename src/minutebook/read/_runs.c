/* The character range of each of pdfium's text segments on one text page, in one call.
 *
 * pdfium's text segments (FPDFText_CountRects / FPDFText_GetRect) are the runs of a page's
 * characters, in its character order, that belong to one text object; generated characters
 * (the spaces and line breaks pdfium inserts) and characters whose box is thinner or lower
 * than 0.01 pt are left out and start no run (CPDF_TextPage::GetRectArray). Python finds the
 * same ranges by bisecting FPDFText_CountRects over each line (read/pdf_runs.py), a few
 * thousand ctypes calls a page; this loop asks pdfium about each character directly.
 *
 * No pdfium header or library is linked: Python passes the addresses of the pdfium functions
 * that pypdfium2 has already loaded (`init`). Every run found is checked against pdfium's own
 * segment boxes (FPDFText_GetRect): any difference, and `page_runs` returns None, so the
 * caller falls back to the Python path and the result never depends on this helper.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

typedef int (*count_chars_fn)(void *);
typedef int (*is_generated_fn)(void *, int);
typedef int (*char_box_fn)(void *, int, double *, double *, double *, double *);
typedef void *(*text_object_fn)(void *, int);
typedef int (*count_rects_fn)(void *, int, int);
typedef int (*get_rect_fn)(void *, int, double *, double *, double *, double *);
typedef struct { float left, top, right, bottom; } rectf; /* FS_RECTF */
typedef int (*loose_box_fn)(void *, int, rectf *);

static count_chars_fn count_chars;
static is_generated_fn is_generated;
static char_box_fn char_box;
static text_object_fn text_object;
static count_rects_fn count_rects;
static get_rect_fn get_rect;
static loose_box_fn loose_box;

static const float SIZE_EPSILON = 0.01f; /* pdfium's kSizeEpsilon */

static PyObject *init(PyObject *self, PyObject *args) {
    unsigned long long a, b, c, d, e, f, g;
    if (!PyArg_ParseTuple(args, "KKKKKKK", &a, &b, &c, &d, &e, &f, &g))
        return NULL;
    count_chars = (count_chars_fn)(uintptr_t)a;
    is_generated = (is_generated_fn)(uintptr_t)b;
    char_box = (char_box_fn)(uintptr_t)c;
    text_object = (text_object_fn)(uintptr_t)d;
    count_rects = (count_rects_fn)(uintptr_t)e;
    get_rect = (get_rect_fn)(uintptr_t)f;
    loose_box = (loose_box_fn)(uintptr_t)g;
    Py_RETURN_NONE;
}

/* 1 when init() has set the pdfium functions; else 0, with a RuntimeError set. */
static int ready(void) {
    if (count_chars && loose_box)
        return 1;
    PyErr_SetString(PyExc_RuntimeError, "init() was not called");
    return 0;
}

/* The text page that `args` holds (its address) and its character count; 0 with an error set
 * when the argument is not an address or init() was not called. */
static int page_arg(PyObject *args, void **page, int *n) {
    unsigned long long handle;
    if (!PyArg_ParseTuple(args, "K", &handle) || !ready())
        return 0;
    *page = (void *)(uintptr_t)handle;
    *n = count_chars(*page);
    return 1;
}

typedef struct {
    int first, last;
    float left, bottom, right, top; /* CFX_FloatRect: pdfium keeps boxes in floats */
} Run;

/* page_runs(textpage) -> [(left, bottom, right, top, first, last)] in pdfium's segment
 * order, or None when the runs found differ from pdfium's segments in number or box. */
static PyObject *page_runs(PyObject *self, PyObject *args) {
    void *page;
    int n;
    if (!page_arg(args, &page, &n))
        return NULL;
    if (n <= 0)
        return PyList_New(0);
    Run *runs = PyMem_Malloc(sizeof(Run) * (size_t)n);
    if (!runs)
        return PyErr_NoMemory();
    int count = 0;
    void *current = NULL;
    int open = 0;
    for (int i = 0; i < n; i++) {
        if (is_generated(page, i) == 1)
            continue;
        double l, r, b, t;
        if (!char_box(page, i, &l, &r, &b, &t))
            continue; /* pdfium could not give the box: the check below will disagree */
        float fl = (float)l, fr = (float)r, fb = (float)b, ft = (float)t;
        if (fr - fl < SIZE_EPSILON || ft - fb < SIZE_EPSILON)
            continue;
        void *object = text_object(page, i);
        if (open && object != current)
            open = 0;
        if (!open) {
            current = object;
            open = 1;
            Run *run = &runs[count++];
            run->first = run->last = i;
            run->left = fl < fr ? fl : fr;
            run->right = fl < fr ? fr : fl;
            run->bottom = fb < ft ? fb : ft;
            run->top = fb < ft ? ft : fb;
            continue;
        }
        Run *run = &runs[count - 1];
        run->last = i;
        if (fl < run->left) run->left = fl;
        if (fr > run->right) run->right = fr;
        if (fb < run->bottom) run->bottom = fb;
        if (ft > run->top) run->top = ft;
    }
    PyObject *out = NULL;
    if (count_rects(page, 0, -1) != count)
        goto mismatch;
    out = PyList_New(count);
    if (!out)
        goto done;
    for (int k = 0; k < count; k++) {
        double left, top, right, bottom;
        if (!get_rect(page, k, &left, &top, &right, &bottom))
            goto mismatch;
        Run *run = &runs[k];
        if ((float)left != run->left || (float)right != run->right || (float)top != run->top ||
            (float)bottom != run->bottom)
            goto mismatch;
        PyObject *item = Py_BuildValue("(ddddii)", left, bottom, right, top, run->first, run->last);
        if (!item) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, k, item);
    }
    goto done;
mismatch:
    Py_XDECREF(out);
    out = Py_NewRef(Py_None);
done:
    PyMem_Free(runs);
    return out;
}

/* loose_boxes(textpage) -> bytes: each character's loose box (FPDFText_GetLooseCharBox) as
 * four floats, left, top, right, bottom; NaN where pdfium could not give the box. */
static PyObject *loose_boxes(PyObject *self, PyObject *args) {
    void *page;
    int n;
    if (!page_arg(args, &page, &n))
        return NULL;
    if (n < 0)
        n = 0;
    PyObject *out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n * (Py_ssize_t)sizeof(rectf));
    if (!out)
        return NULL;
    rectf *boxes = (rectf *)PyBytes_AS_STRING(out);
    for (int i = 0; i < n; i++) {
        if (!loose_box(page, i, &boxes[i]))
            boxes[i].left = boxes[i].top = boxes[i].right = boxes[i].bottom = (float)Py_NAN;
    }
    return out;
}

/* Append (object, count, first) to `groups`: `count` characters from `first` drawn by one text
 * object (the table layer reads bold once per object, so it needs only these). */
static int add_group(PyObject *groups, void *object, int count, int first) {
    PyObject *item = Py_BuildValue("(Kii)", (unsigned long long)(uintptr_t)object, count, first);
    if (!item)
        return -1;
    int failed = PyList_Append(groups, item);
    Py_DECREF(item);
    return failed;
}

/* words(textpage, text, height) -> [(x0, x1, top, bottom, first, last, groups)] or None.
 *
 * The table layer's words (tables/pdfpage.py `_words`, whose Python loop this is): characters
 * joined into words that break at a space, a gap over 2.5 pt, a jump of the top over 3 pt or
 * a step back left, in top-down coordinates from each character's loose box. `text` is the
 * page text with one unit per character; `groups` are the word's stretches of characters
 * drawn by one text object. None when a box cannot be read: the caller's Python loop then
 * goes its own way (and reports pdfium's error as it always did). */
static PyObject *words(PyObject *self, PyObject *args) {
    unsigned long long handle;
    PyObject *text;
    double height;
    if (!PyArg_ParseTuple(args, "KUd", &handle, &text, &height))
        return NULL;
    if (!ready())
        return NULL;
    void *page = (void *)(uintptr_t)handle;
    int n = count_chars(page);
    if (n < 0 || PyUnicode_GET_LENGTH(text) != n)
        Py_RETURN_NONE;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0), *groups = NULL;
    if (!out)
        return NULL;
    int open = 0, first = 0, last = 0, group_first = 0, group_count = 0;
    double x0 = 0, x1 = 0, low = 0, high = 0, left = 0, right = 0, top = 0;
    void *group_object = NULL;
    for (int i = 0; i <= n; i++) {
        int is_char = 0;
        double l = 0, r = 0, char_top = 0, char_bottom = 0;
        void *object = NULL;
        if (i < n) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (!Py_UNICODE_ISSPACE(ch) && ch != 0xFFFE && ch != 0x02) {
                rectf box;
                if (!loose_box(page, i, &box))
                    goto fail;
                is_char = 1;
                l = box.left, r = box.right;
                char_top = height - (double)box.top, char_bottom = height - (double)box.bottom;
                object = text_object(page, i);
                if (open && !(l - right > 2.5 || fabs(char_top - top) > 3 || l < left - 1)) {
                    if (l < x0) x0 = l;
                    if (r > x1) x1 = r;
                    if (char_top < low) low = char_top;
                    if (char_bottom > high) high = char_bottom;
                    if (object != group_object) {
                        if (add_group(groups, group_object, group_count, group_first) < 0)
                            goto fail;
                        group_object = object, group_first = i, group_count = 0;
                    }
                    group_count++;
                    last = i;
                    left = l, right = r, top = char_top;
                    continue;
                }
            }
        }
        if (open) { /* the word ends: at a space, a break, or the page's end */
            if (add_group(groups, group_object, group_count, group_first) < 0)
                goto fail;
            PyObject *item = Py_BuildValue("(ddddiiN)", x0, x1, low, high, first, last, groups);
            groups = NULL; /* the tuple owns it now, or it was released with the failed tuple */
            if (!item || PyList_Append(out, item) < 0) {
                Py_XDECREF(item);
                goto fail;
            }
            Py_DECREF(item);
            open = 0;
        }
        if (is_char) { /* it starts the next word */
            groups = PyList_New(0);
            if (!groups)
                goto fail;
            open = 1;
            first = last = group_first = i;
            group_count = 1;
            group_object = object;
            x0 = l, x1 = r, low = char_top, high = char_bottom;
            left = l, right = r, top = char_top;
        }
    }
    return out;
fail:
    Py_XDECREF(groups);
    Py_DECREF(out);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"init", init, METH_VARARGS, "Set the addresses of the pdfium functions the helper calls."},
    {"words", words, METH_VARARGS, "The table layer's words of one page, or None."},
    {"loose_boxes", loose_boxes, METH_VARARGS, "Every character's loose box as 4 floats (bytes)."},
    {"page_runs", page_runs, METH_VARARGS, "(left, bottom, right, top, first, last) per text segment, or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_runs", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__runs(void) { return PyModule_Create(&module); }
