# Writes the fixed corpus of malformed files (Corpus/) that ImporterFuzzTests and the upload tests read:
# python3 make-corpus.py Corpus. Files named {target}-valid-* hold valid data for that reader in a surprising form.
import zipfile, io, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
def w(name, data):
    with open(os.path.join(out, name), 'wb') as f: f.write(data)

holdings = ("name,isin,lei,ticker,country,weight,market_value,currency,shares\n"
  "Apple Inc.,US0378331005,HWUPKR0MPOU8FGXBT394,AAPL,US,60,6000.50,USD,30\n"
  "Microsoft Corporation,US5949181045,INR2EJN1ERAN0W5ZP974,MSFT,USA,40,4000,USD,10\n")
headers = {
 'holdings': "name,isin,lei,ticker,country,weight,market_value,currency,shares\n",
 'indicators': "indicator,country,year,value,unit,sex,age_group,location,disability,source\n",
 'benchmark': "company,service,indicator,element,answer\n",
 'requests': "received_on,country,authority,request_type,legal_process\n",
}
w('empty.csv', b'')
w('only-byte-order-mark.csv', b'\xef\xbb\xbf')
w('blank-lines-and-separators.csv', b'\n\r\n   \n,,,,\n;;;\n\t\t\n')
for k, h in headers.items():
    w(f'header-only-{k}.csv', h.encode())
w('holdings-valid-utf-16le.csv', b'\xff\xfe' + holdings.encode('utf-16-le'))
w('utf-16be-without-byte-order-mark.csv', headers['indicators'].encode('utf-16-be') + "internet-use,KE,2023,41.5\n".encode('utf-16-be'))
w('utf-16le-requests.csv', b'\xff\xfe' + (headers['requests'] + "2024-02-03,DE,Police,user-data,court-order\n").encode('utf-16-le'))
w('invalid-utf-8-in-a-row.csv', holdings.encode().replace(b'Apple', b'App\xff\xfele'))
w('invalid-utf-8-in-the-header.csv', b'na\xc3\x28me,isin,weight\nApple Inc.,US0378331005,60\n')
w('overlong-utf-8-and-surrogates.csv', b'indicator,country,year,value\n\xc0\xaf,\xed\xa0\x80,\xf4\x90\x80\x80,1\n')
w('nul-bytes.csv', holdings.encode().replace(b'Inc.', b'Inc.\x00').replace(b'Corporation', b'\x00Corporation'))
w('unterminated-quote.csv', b'name,isin,weight\n"Apple Inc.,US0378331005,60\nMicrosoft,US5949181045,40\n')
w('one-record-over-1-mib.csv', b'company,service,indicator,score,name\n"' + b'x' * (1100 * 1024) + b'",,g1,1,x\n')
w('one-line-over-1-mib-without-newline.csv', b'indicator,' + b'y' * (1100 * 1024))
w('html-named-csv.csv', b'<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n')
w('pdf-named-csv.csv', b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n')
w('legacy-xls-compound-file.xls', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(504) + b'junk' * 100)
w('formulas-and-huge-numbers.csv', ("name,isin,weight,market_value,currency\n"
  "=cmd|' /C calc'!A0,US0378331005,1e309,NaN,USD\n"
  "+SUM(A1:A9),US5949181045,-Infinity,99999999999999999999999999999999999,USD\n"
  "@HYPERLINK(\"http://x.invalid\"),US0378331005,Infinity,-1e-400,EUR\n").encode())
w('dates-out-of-range.csv', ("received_on,country,authority,request_type,legal_process\n"
  "0000-00-00,DE,A,user-data,court-order\n9999-12-31,DE,B,user-data,court-order\n10000-01-01,DE,C,user-data,court-order\n"
  "2024-02-30,DE,D,user-data,court-order\n-2024-01-01,DE,E,user-data,court-order\n").encode())
w('years-out-of-range.csv', ("indicator,country,year,value\ninternet-use,KE,-1,1\ninternet-use,KE,99999999999,1\ninternet-use,KE,0,NaN\n").encode())

def z(entries, compression=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, 'w', compression) as f:
        for name, data in entries:
            f.writestr(zipfile.ZipInfo(name, (2020,1,1,0,0,0)), data, compress_type=compression, compresslevel=9)
    return b.getvalue()

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
 '<Default Extension="xml" ContentType="application/xml"/>'
 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
 '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
 '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
 '</Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
 '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
 '<sheets><sheet name="Holdings" sheetId="1" r:id="rId1"/></sheets></workbook>')
WBRELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
 '</Relationships>')
def col(i): return 'ABCDEFGHIJ'[i]
def sheet(rows):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        out.append(f'<row r="{r}">')
        for c, v in enumerate(row):
            ref = f'{col(c)}{r}'
            if isinstance(v, int): out.append(f'<c r="{ref}" t="s"><v>{v}</v></c>')
            else: out.append(f'<c r="{ref}"><v>{v}</v></c>')
        out.append('</row>')
    out.append('</sheetData></worksheet>')
    return ''.join(out)
def sst(strings, extra=''):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
      + ''.join(f'<si><t>{s}</t></si>' for s in strings) + extra + '</sst>')
def xlsx(rows, strings, shared=None, extra_entries=()):
    return z([('[Content_Types].xml', CT), ('_rels/.rels', RELS), ('xl/workbook.xml', WB), ('xl/_rels/workbook.xml.rels', WBRELS),
              ('xl/worksheets/sheet1.xml', sheet(rows)), ('xl/sharedStrings.xml', shared if shared is not None else sst(strings))] + list(extra_entries))

strings = ['name', 'isin', 'weight', 'currency', 'Apple Inc.', 'US0378331005', 'USD', 'Microsoft Corporation', 'US5949181045']
rows = [[0, 1, 2, 3], [4, 5, '60', 6], [7, 8, '40', 6]]
valid = xlsx(rows, strings)
w('holdings-valid-xlsx-named-csv.csv', valid)
w('holdings-valid-csv-named-xlsx.xlsx', holdings.encode())
w('xlsx-cut-in-half.xlsx', valid[: len(valid) // 2])
w('zip-that-is-not-xlsx.xlsx', z([('readme.txt', 'not a workbook\n'), ('../../etc/passwd', 'root:x:0:0\n')]))
w('zip-stored-without-compression-empty.xlsx', z([], zipfile.ZIP_STORED))
# 130 million characters in one shared string: about 130 KB compressed.
w('xlsx-huge-shared-strings.xlsx', xlsx(rows, strings, shared=sst(strings, '<si><t>' + 'A' * 130_000_000 + '</t></si>')))
# A valid workbook (the reader must not inflate what it does not need) with a 300 MB entry of zeros beside a valid sheet (about 300 KB compressed).
w('holdings-valid-with-zip-bomb-entry.xlsx', xlsx(rows, strings, extra_entries=[('xl/media/bomb.bin', b'\0' * 300_000_000)]))
# Billion-laughs style entity expansion in the sheet.
w('xlsx-with-dtd-entities.xlsx', z([('[Content_Types].xml', CT), ('_rels/.rels', RELS), ('xl/workbook.xml', WB), ('xl/_rels/workbook.xml.rels', WBRELS),
    ('xl/worksheets/sheet1.xml', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
     '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'),
    ('xl/sharedStrings.xml', sst(strings))]))
