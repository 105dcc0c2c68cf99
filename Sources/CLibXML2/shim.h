#ifndef V360AUDIT_CLIBXML2_SHIM_H
#define V360AUDIT_CLIBXML2_SHIM_H

/* The few libxml2 functions the tests use to validate JUnit reports against the XSDs (and to parse
 * the HTML reports), declared
 * here as in libxml2's public headers (parser.h, tree.h, xmlschemas.h; stable since 2.6).
 *
 * Why not #include <libxml/xmlschemas.h>: Debian builds libxml2 with ICU, so every libxml2
 * header pulls in the system's <unicode/*.h>, whose UErrorCode clashes with the ICU module that
 * Foundation ships ("... is not present in definition of 'enum UErrorCode'"). The clash depends
 * on module build order, so it breaks clean builds only. Opaque declarations avoid ICU entirely. */

typedef struct _xmlSchemaParserCtxt *xmlSchemaParserCtxtPtr;
typedef struct _xmlSchema *xmlSchemaPtr;
typedef struct _xmlSchemaValidCtxt *xmlSchemaValidCtxtPtr;
typedef struct _xmlDoc *xmlDocPtr;

/* xmlParserOption XML_PARSE_NONET: never fetch anything over the network. */
#define V360_XML_PARSE_NONET 2048

void xmlInitParser(void);
xmlSchemaParserCtxtPtr xmlSchemaNewParserCtxt(const char *URL);
xmlSchemaPtr xmlSchemaParse(xmlSchemaParserCtxtPtr ctxt);
void xmlSchemaFreeParserCtxt(xmlSchemaParserCtxtPtr ctxt);
void xmlSchemaFree(xmlSchemaPtr schema);
xmlSchemaValidCtxtPtr xmlSchemaNewValidCtxt(xmlSchemaPtr schema);
void xmlSchemaFreeValidCtxt(xmlSchemaValidCtxtPtr ctxt);
int xmlSchemaValidateDoc(xmlSchemaValidCtxtPtr ctxt, xmlDocPtr doc);
xmlDocPtr xmlReadMemory(const char *buffer, int size, const char *URL, const char *encoding, int options);
void xmlFreeDoc(xmlDocPtr cur);

/* The HTML tests parse reports with libxml2's HTML parser and walk the tree. The node and
 * attribute structs are declared up to the last field read, in the order of tree.h (a layout
 * libxml2 has kept since 2.0); the tests only read them, never allocate one. */
typedef unsigned char xmlChar;
struct _xmlAttr;
typedef struct _xmlNode {
    void *_private;
    int type; /* xmlElementType: 1 element, 3 text, 4 CDATA, 8 comment */
    const xmlChar *name;
    struct _xmlNode *children;
    struct _xmlNode *last;
    struct _xmlNode *parent;
    struct _xmlNode *next;
    struct _xmlNode *prev;
    xmlDocPtr doc;
    void *ns;
    xmlChar *content;
    struct _xmlAttr *properties;
} xmlNode;
typedef struct _xmlAttr {
    void *_private;
    int type;
    const xmlChar *name;
    struct _xmlNode *children;
    struct _xmlNode *last;
    struct _xmlNode *parent;
    struct _xmlAttr *next;
} xmlAttr;

/* htmlParserOption: HTML_PARSE_RECOVER 1, HTML_PARSE_NOERROR 32, HTML_PARSE_NOWARNING 64, HTML_PARSE_NONET 2048. */
#define V360_HTML_PARSE_OPTIONS 2145

xmlDocPtr htmlReadMemory(const char *buffer, int size, const char *URL, const char *encoding, int options);
xmlNode *xmlDocGetRootElement(xmlDocPtr doc);

#endif
