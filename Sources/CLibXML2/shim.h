#ifndef NATTER_CLIBXML2_SHIM_H
#define NATTER_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer that Swift imports awkwardly. */
static inline void natter_xml_free(void *p) { xmlFree(p); }

/* libxml2 2.9 prints non-structured ("generic") errors to stderr, which would corrupt the TUI.
   Swift cannot define the variadic handler, so it lives here. The handler is per thread in
   2.9, hence both the current thread and the default for threads created later. */
static inline void natter_xml_silent_generic_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void natter_xml_silence_generic_errors(void) {
    xmlThrDefSetGenericErrorFunc(NULL, natter_xml_silent_generic_error);
    xmlSetGenericErrorFunc(NULL, natter_xml_silent_generic_error);
}
#endif
