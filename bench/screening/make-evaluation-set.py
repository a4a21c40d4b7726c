#!/usr/bin/env python3
"""Builds the labelled evaluation set of the name screening (src/test/resources/screening/evaluation.tsv).

Positives are variants of real names on the shipped lists (OFAC SDN, UN consolidated): case,
token order, diacritics, transliteration spellings, punctuation, a missing middle name, a typo,
an alias. Negatives are ordinary names from many cultures (and ordinary company names) that are
not on the lists: a generated name whose normalised tokens equal a listed name's is left out,
because it *is* a listed name. Deterministic (seeded). Run from the repository root:

    python3 bench/screening/make-evaluation-set.py
"""
import csv, random, re, unicodedata, xml.etree.ElementTree as ET

random.seed(20261122)
ROOT = "src/main/resources/sanctions/"

def ofac():
    parties = {}
    with open(ROOT + "ofac-sdn/sdn.csv", encoding="utf-8", newline="") as f:
        for r in csv.reader(f, skipinitialspace=True):
            if len(r) < 12: continue
            kind = r[2].strip()
            dobs = re.findall(r"(?:^|; )(?:alt\. )?DOB ([^;]+)", r[11])
            parties[r[0]] = {"list": "OFAC_SDN", "id": r[0], "type": "INDIVIDUAL" if kind == "individual" else ("ENTITY" if kind == "-0-" else kind.upper()),
                             "names": [r[1]], "dobs": dobs}
    with open(ROOT + "ofac-sdn/alt.csv", encoding="utf-8", newline="") as f:
        for r in csv.reader(f, skipinitialspace=True):
            if len(r) >= 4 and r[0] in parties and r[3].strip() != "-0-":
                parties[r[0]]["names"].append(r[3])
    return list(parties.values())

def un():
    root = ET.parse(ROOT + "un-consolidated/consolidated.xml").getroot()
    out = []
    for tag, kind in (("INDIVIDUAL", "INDIVIDUAL"), ("ENTITY", "ENTITY")):
        for e in root.iter(tag):
            name = " ".join(e.findtext(t).strip() for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME") if e.findtext(t) and e.findtext(t).strip())
            names = [name] + [a.findtext("ALIAS_NAME").strip() for a in e.iter(tag + "_ALIAS")
                              if a.findtext("ALIAS_NAME") and a.findtext("QUALITY") != "Low"]
            dobs = [d.findtext("DATE") or d.findtext("YEAR") or (d.findtext("FROM_YEAR") + " to " + d.findtext("TO_YEAR"))
                    for d in e.iter("INDIVIDUAL_DATE_OF_BIRTH") if d.findtext("DATE") or d.findtext("YEAR") or (d.findtext("FROM_YEAR") and d.findtext("TO_YEAR"))]
            out.append({"list": "UN_CONSOLIDATED", "id": e.findtext("REFERENCE_NUMBER").strip(), "type": kind, "names": names, "dobs": dobs})
    return out

def natural(name):
    if "," in name and name.count(",") == 1:
        last, first = name.split(",")
        return (first.strip() + " " + last.strip()).strip()
    return name

LEGAL = set("the and of for ltd limited llc inc incorporated corp corporation co company sa sas sarl srl spa gmbh ag bv nv plc llp lp jsc ojsc pjsc cjsc oao zao ooo pao fze fzco fzc pte pty sdn bhd de cv".split())
def norm_tokens(name, organisation=False):
    s = unicodedata.normalize("NFKD", name if organisation else natural(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['`\u2019]", "", s)
    return tuple(sorted(t for t in re.split(r"[^0-9a-z\u0080-\uffff]+", s) if t and t not in ("al", "el", "bin", "ibn") and not (organisation and t in LEGAL)))

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
def iso(dob):
    """A date of birth agreeing with a listed one, as a listed person would give it."""
    dob = dob.strip().rstrip(".").replace("circa ", "")
    m = re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})", dob)
    if m and m.group(2) in MONTHS: return "%s-%02d-%02d" % (m.group(3), MONTHS.index(m.group(2)) + 1, int(m.group(1)))
    m = re.fullmatch(r"([A-Z][a-z]{2}) (\d{4})", dob)
    if m and m.group(1) in MONTHS: return "%s-%02d-%02d" % (m.group(2), MONTHS.index(m.group(1)) + 1, random.randint(1, 28))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", dob): return dob
    if re.fullmatch(r"\d{4}", dob): return "%s-%02d-%02d" % (dob, random.randint(1, 12), random.randint(1, 28))
    m = re.fullmatch(r"(?:\d{1,2} [A-Z][a-z]{2} )?(\d{4}) to (?:\d{1,2} [A-Z][a-z]{2} )?(\d{4})", dob)
    if m and int(m.group(2)) >= int(m.group(1)): return "%d-%02d-%02d" % (random.randint(int(m.group(1)), int(m.group(2))), random.randint(1, 12), random.randint(1, 28))
    return None

def random_dob():
    return "%d-%02d-%02d" % (random.randint(1940, 2006), random.randint(1, 12), random.randint(1, 28))

TRANSLIT = [("mohammed", "muhammad"), ("muhammad", "mohamed"), ("mohammad", "mohamed"), ("ou", "u"), ("u", "ou"), ("ee", "i"),
            ("i", "ee"), ("y", "i"), ("kh", "h"), ("sh", "ch"), ("j", "dj"), ("ph", "f"), ("q", "k"), ("k", "q"), ("c", "k"),
            ("ss", "s"), ("s", "ss"), ("ll", "l"), ("mm", "m"), ("dd", "d"), ("abdul ", "abdel "), ("abdel", "abd al-"),
            ("al-", "el "), ("al-", "al"), ("ei", "ey"), ("ai", "ay"), ("o", "u"), ("e", "a"), ("v", "w"), ("ya", "ia"), ("yu", "iu")]
ACCENTS = {"a": "áàâä", "e": "éèêë", "i": "íï", "o": "óôö", "u": "úüû", "c": "ç", "n": "ñ", "s": "š", "z": "ž"}

def variant(name, kind):
    s = natural(name) if kind == "INDIVIDUAL" else name
    ORDER = ["middle", "translit", "typo", "accents", "punct", "case", "order", "comma"]  # reordering last: "middle" means a middle name
    ops = sorted(random.sample(ORDER, k=random.choice([1, 2, 2])), key=ORDER.index)
    if "order" in ops and "comma" in ops: ops.remove("comma")
    applied = []
    for op in ops:
        toks = s.split()
        if op == "case":
            s = random.choice([s.lower(), s.title(), s.upper()])
        elif op == "order" and len(toks) > 1:
            s = " ".join(toks[1:] + toks[:1]) if random.random() < .5 else " ".join(reversed(toks))
        elif op == "comma" and kind == "INDIVIDUAL" and len(toks) > 1:
            s = toks[-1].upper() + ", " + " ".join(toks[:-1])
        elif op == "accents":
            chars = list(s)
            idx = [i for i, c in enumerate(chars) if c.lower() in ACCENTS]
            for i in random.sample(idx, min(len(idx), random.randint(1, 2))):
                a = random.choice(ACCENTS[chars[i].lower()])
                chars[i] = a.upper() if chars[i].isupper() else a
            s = "".join(chars)
        elif op == "translit":
            low = s.lower()
            options = [(a, b) for a, b in TRANSLIT if a in low]
            if not options: continue
            a, b = random.choice(options)
            i = low.index(a)
            s = s[:i] + (b.upper() if s[i:i + len(a)].isupper() else b) + s[i + len(a):]
        elif op == "punct":
            s = random.choice([s.replace("-", " "), s.replace("-", ""), s.replace("'", ""), s.replace(" ", "-", 1), s.replace(".", ""), s.replace(",", "")])
        elif op == "middle" and len(toks) >= 3:
            i = random.randint(1, len(toks) - 2)
            s = " ".join(toks[:i] + toks[i + 1:])
        elif op == "typo":
            idx = [i for i, t in enumerate(toks) if len(t) >= 5 and t.isalpha()]
            if not idx: continue
            i = random.choice(idx)
            t = list(toks[i]); p = random.randint(1, len(t) - 2)
            kind_of = random.choice(["sub", "del", "ins", "swap"])
            if kind_of == "sub": t[p] = random.choice("aeioulnrst")
            elif kind_of == "del": del t[p]
            elif kind_of == "ins": t.insert(p, t[p])
            else: t[p], t[p + 1] = t[p + 1], t[p]
            toks[i] = "".join(t); s = " ".join(toks)
        else:
            continue
        applied.append(op)
    return s, "+".join(applied) or "none"

GIVEN = {
 "english": "James Oliver William Harry George Jack Thomas Charlie Emily Olivia Amelia Sophie Jessica Grace Chloe Lucy Hannah Daniel Michael Sarah Rebecca Matthew Laura Andrew Rachel Benjamin Samuel Katherine Eleanor",
 "german": "Lukas Leon Finn Jonas Paul Felix Maximilian Elias Anna Lena Leonie Marie Johanna Sophia Katharina Jürgen Wolfgang Ursula Helga Dieter Klaus Sabine Petra Matthias Stefanie",
 "french": "Louis Gabriel Arthur Hugo Jules Raphaël Lucas Chloé Camille Léa Manon Inès Juliette Élodie Amélie Théo Mathieu Nicolas Sébastien Aurélie Céline Margaux François Hélène Benoît",
 "spanish": "Santiago Mateo Diego Alejandro Javier Carlos Lucía Sofía María Valentina Camila Isabella Martina Ximena Andrés Fernando Gabriela Paula Rocío Sergio Álvaro Nuria Pilar Guillermo Inés",
 "portuguese": "João Pedro Gustavo Rafael Thiago Bruno Ana Beatriz Mariana Larissa Fernanda Juliana Camila Vitória Gonçalo Tiago Rui Joana Inês Leonor Duarte Afonso Caetano Luíza Renata",
 "italian": "Francesco Alessandro Lorenzo Leonardo Mattia Andrea Giulia Chiara Francesca Alessia Martina Giorgia Federica Luca Marco Davide Simone Elisa Valentina Paolo Roberta Stefano Silvia Riccardo Gianluca",
 "polish": "Jakub Kacper Szymon Mateusz Bartosz Wojciech Zuzanna Julia Maja Zofia Aleksandra Natalia Katarzyna Małgorzata Agnieszka Tomasz Paweł Krzysztof Łukasz Grzegorz Dorota Ewa Marcin Piotr Magdalena",
 "russian": "Dmitry Alexei Sergei Nikolai Ivan Mikhail Andrei Vladimir Anastasia Ekaterina Olga Tatiana Natalia Yulia Svetlana Irina Maxim Artem Kirill Pavel Daria Polina Ksenia Yaroslav Vera",
 "arabic": "Omar Youssef Karim Tariq Samir Nabil Rami Ziad Layla Nour Amira Salma Rania Dina Hala Yasmin Fadi Walid Bassam Hisham Mona Reem Laila Jamal Khaled",
 "persian": "Arash Kourosh Dariush Babak Farhad Kaveh Parisa Shirin Nasrin Mahsa Roya Soraya Niloufar Behnaz Siavash Payam Omid Ramin Negin Golnar Kamran Bijan Leila Azadeh Navid",
 "turkish": "Emre Burak Mehmet Mustafa Can Kerem Elif Zeynep Ayşe Fatma Merve Büşra Deniz Ece Oğuz Serkan Hakan Cem Gül Selin Tolga Barış Yasemin Özge Volkan",
 "indian": "Aarav Vihaan Arjun Rohan Rahul Vikram Priya Ananya Diya Kavya Neha Pooja Sanjay Rajesh Suresh Deepa Lakshmi Meera Anil Sunil Harpreet Gurpreet Arvind Swati Nikhil",
 "chinese": "Wei Jun Hao Lei Ming Jie Yan Fang Xiu Ying Li Na Jing Mei Hui Qiang Tao Bo Lin Xin Yu Zhen Chao Peng Yi",
 "japanese": "Haruto Sota Yuto Riku Ren Hinata Yui Aoi Sakura Hana Yuna Mei Takeshi Hiroshi Kenji Akira Yuki Naoko Keiko Daisuke Shota Ayumi Kaori Tomoko Ryo",
 "korean": "Minjun Seojun Doyun Jiho Hyunwoo Jisoo Seoyeon Jiwoo Minji Yuna Sungmin Jaehyun Younghee Eunji Hyejin Dongwook Sangwoo Jiyoung Soojin Taeyang Kyungsoo Hana Mirae Jinwoo Sooyoung",
 "vietnamese": "Minh Anh Duc Hung Tuan Quang Linh Trang Huong Mai Thao Ngoc Phuong Dung Long Hai Nam Khanh Thu Lan Hoa Binh Tam Vy Bao",
 "nigerian": "Chinedu Emeka Oluwaseun Adebayo Tunde Babatunde Ngozi Chiamaka Adaeze Funmilayo Folake Yetunde Ifeoma Obinna Chukwuemeka Kelechi Nnamdi Amaka Ebere Uche Segun Kunle Bukola Temitope Damilola",
 "swahili": "Baraka Juma Jabari Amani Kamau Otieno Wanjiru Akinyi Njeri Zawadi Imani Neema Faraja Mwangi Kipchoge Wambui Achieng Makena Onyango Kibet Chebet Nyambura Tumaini Hadiza Rehema",
 "indonesian": "Budi Agus Bambang Dewi Sri Putri Wahyu Eko Rizky Adi Siti Ayu Fitri Indra Hendra Yudi Rina Wulan Ratna Andi Dimas Fajar Galih Intan Kartika",
 "filipino": "Jose Juan Mark Jerome Angelo Carlo Maria Kristine Jasmine Angelica Mary Grace Joy Rowena Marites Reynaldo Rodel Jericho Paolo Bea Lorna Danilo Ramil Jonalyn Rhea",
 "greek": "Georgios Dimitrios Konstantinos Ioannis Nikolaos Eleni Maria Katerina Sofia Vasiliki Christos Panagiotis Athanasios Evangelia Despina Stavros Spyros Yannis Kostas Eirini Theodora Anastasios Alexandros Chrysa Nikos",
 "hebrew": "Noam Itai Yonatan Eitan Omri Ariel Noa Tamar Maya Shira Yael Talia Avi Moshe Yossi Dana Michal Roni Gal Lior Nir Oren Hadas Efrat Yair",
 "pakistani": "Usman Bilal Hamza Faisal Imran Asif Zainab Ayesha Sana Hira Mehwish Saima Kamran Adnan Shahid Nadia Rabia Tahir Junaid Naveed Saba Uzma Farhan Waqas Amna",
}
FAMILY = {
 "english": "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Harrison Cooper Ward Morris Baker",
 "german": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange",
 "french": "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier",
 "spanish": "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos",
 "portuguese": "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira Correia Mendes Nunes",
 "italian": "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi",
 "polish": "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski Michalski Adamczyk Dudek Zając Wieczorek",
 "russian": "Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Nikitin Zakharov Zaitsev",
 "arabic": "Haddad Khoury Nasser Saleh Mansour Aziz Farouk Khalil Hamdan Jaber Darwish Sabbagh Haddadin Qasem Najjar Masri Shami Halabi Zoubi Tamimi Barakat Hijazi Saadeh Awad Bitar",
 "persian": "Ahmadi Hosseini Rezaei Karimi Moradi Jafari Rahimi Mohammadi Sadeghi Ebrahimi Kazemi Rostami Ghorbani Shahbazi Farahani Tehrani Shirazi Esfahani Naderi Yazdani Bahrami Amini Soltani Mirzaei Hashemi",
 "turkish": "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Aksoy",
 "indian": "Sharma Verma Gupta Patel Singh Kumar Reddy Iyer Nair Menon Rao Joshi Desai Mehta Shah Kapoor Malhotra Chopra Banerjee Chatterjee Mukherjee Pillai Agarwal Bhat Kulkarni",
 "chinese": "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang",
 "japanese": "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa",
 "korean": "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Jeon Ko Moon Yang Baek",
 "vietnamese": "Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Dinh Truong Mai Trinh Lam Luong Quach Ta Cao",
 "nigerian": "Okafor Okonkwo Adeyemi Oladipo Eze Nwosu Okeke Adebayo Ogunleye Balogun Nwachukwu Obi Chukwu Afolabi Ibekwe Onyekachi Oyelaran Adewale Olaniyan Uzor Ekwueme Okoro Akinola Ogundipe Bakare",
 "swahili": "Mwangi Otieno Kamau Wanjiku Odhiambo Njoroge Kariuki Ochieng Mutua Wambua Kiprono Cheruiyot Maina Mbugua Omondi Kimani Nyaga Githinji Achieng Korir Rotich Langat Muthoni Wafula Barasa",
 "indonesian": "Santoso Wijaya Kusuma Hidayat Saputra Pratama Setiawan Gunawan Halim Susanto Nugroho Wibowo Siregar Nasution Lubis Harahap Tanjung Simanjuntak Sitompul Purba Rahardjo Suharto Wahyudi Hakim Kurniawan",
 "filipino": "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores Villanueva Ramos Castro Rivera Aquino Navarro Salazar Mercado Dizon Manalo Pascual Soriano Lacson",
 "greek": "Papadopoulos Papadakis Georgiou Nikolaidis Konstantinou Dimitriou Ioannou Vasileiou Christodoulou Karagiannis Oikonomou Pappas Makris Alexiou Antoniou Angelopoulos Kostopoulos Stavrou Athanasiou Panagiotou Michailidis Theodorou Lambrou Kyriakou Sotiriou",
 "hebrew": "Cohen Levi Mizrahi Peretz Biton Friedman Dahan Avraham Katz Azoulay Goldberg Ohayon Shapiro Rosenberg Ben-David Malka Amar Gabay Hadad Shalom Weiss Segal Ashkenazi Kaplan Levin",
 "pakistani": "Khan Malik Butt Chaudhry Qureshi Siddiqui Sheikh Mirza Hussain Raza Abbasi Javed Iqbal Akhtar Baig Rana Bhatti Niazi Awan Gill Cheema Dar Anwar Rehman Ashraf",
}
COMPANY_WORDS = "Nordic Alpine Harbour Summit Meridian Pioneer Crescent Evergreen Horizon Atlas Beacon Cedar Coastal Golden Granite Keystone Lakeside Liberty Maple Northstar Oakridge Pacific Redwood Riverside Silverline Sterling Sunrise Trident Unity Vantage Willow Zenith Amber Bluewater Copper Delta Emerald Falcon Harmony Ivory".split()
COMPANY_KIND = "Trading Logistics Software Consulting Foods Textiles Engineering Capital Partners Holdings Energy Pharma Minerals Shipping Construction Ventures Analytics Digital Media Agro Marine Robotics Solutions Imports Motors".split()
COMPANY_FORM = ["GmbH", "Ltd", "LLC", "Inc.", "S.A.", "B.V.", "Pte. Ltd.", "AG", "S.r.l.", "Sp. z o.o.", "K.K.", "Pty Ltd", "SARL", "plc", "Oy", "AB", "A/S", ""]

def main():
    parties = ofac() + un()
    listed = set()
    for p in parties:
        for n in p["names"]:
            listed.add(norm_tokens(n, p["type"] != "INDIVIDUAL"))
    rows = []
    indiv = [p for p in parties if p["type"] == "INDIVIDUAL"]
    ents = [p for p in parties if p["type"] != "INDIVIDUAL"]
    ofac_i = [p for p in indiv if p["list"] == "OFAC_SDN"]; un_i = [p for p in indiv if p["list"] != "OFAC_SDN"]
    ofac_e = [p for p in ents if p["list"] == "OFAC_SDN" and p["type"] == "ENTITY"]; un_e = [p for p in ents if p["list"] != "OFAC_SDN"]
    chosen = random.sample(ofac_i, 700) + random.sample(un_i, 300) + random.sample(ofac_e, 200) + random.sample(un_e, 100)
    for p in chosen:
        for _ in range(2):
            base = p["names"][0] if random.random() < .7 or len(p["names"]) == 1 else random.choice(p["names"][1:])
            name, ops = variant(base, p["type"])
            if p["type"] == "INDIVIDUAL":
                dob = next((iso(d) for d in p["dobs"] if iso(d)), None) or random_dob()
                kind = "person"
            else:
                dob, kind = "", "organisation"
            rows.append(("1", kind, name, dob, p["list"] + "/" + p["id"], ops))
    negatives = set()
    cultures = list(GIVEN)
    while len(negatives) < 6000:
        c = random.choice(cultures)
        given = GIVEN[c].split(); family = FAMILY[c].split()
        parts = [random.choice(given)]
        if random.random() < .3: parts.append(random.choice(given))
        parts.append(random.choice(family))
        if c in ("spanish", "portuguese") and random.random() < .5: parts.append(random.choice(family))
        if c in ("chinese", "korean", "vietnamese") and random.random() < .5: parts = parts[-1:] + parts[:-1]
        name = " ".join(dict.fromkeys(parts))
        if norm_tokens(name) in listed or len(name.split()) < 2: continue
        negatives.add((name, c))
    for name, c in sorted(negatives):
        rows.append(("0", "person", name, random_dob(), "", c))
    companies = set()
    while len(companies) < 1500:
        name = " ".join(w for w in [random.choice(COMPANY_WORDS), random.choice(COMPANY_KIND), random.choice(COMPANY_FORM)] if w)
        if norm_tokens(name, True) in listed: continue
        companies.add(name)
    for name in sorted(companies):
        rows.append(("0", "organisation", name, "", "", "company"))
    random.shuffle(rows)
    with open("src/test/resources/screening/evaluation.tsv", "w", encoding="utf-8") as f:
        f.write("# Labelled evaluation set of the name screening: made by bench/screening/make-evaluation-set.py (seeded).\n")
        f.write("# label\tkind\tname\tdate_of_birth\texpected_entry\tvariant_or_culture\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(len(rows), "rows:", sum(r[0] == "1" for r in rows), "positives,", sum(r[0] == "0" for r in rows), "negatives")

main()
