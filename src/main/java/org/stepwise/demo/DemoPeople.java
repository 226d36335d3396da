package org.stepwise.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;

/**
 * Invented people for the demo caseload: common UK names fitting each ethnic group, ages and
 * demographics in proportions like those of Talking Therapies referrals, NHS numbers from the
 * never-issued 999 range, drama-range phone numbers, example.org emails, and addresses in
 * fictional towns with a postcode area ({@code ZZ}) that does not exist.
 */
final class DemoPeople {

    /** A pool of given and family names that go together. */
    private record NamePool(List<String> female, List<String> male, List<String> family) {
    }

    private static final NamePool BRITISH = new NamePool(
            List.of("Olivia", "Amelia", "Isla", "Emily", "Sophie", "Jessica", "Charlotte", "Chloe", "Lucy",
                    "Hannah", "Emma", "Grace", "Ella", "Megan", "Laura", "Rebecca", "Sarah", "Rachel", "Claire",
                    "Helen", "Karen", "Susan", "Julie", "Lisa", "Joanne", "Nicola", "Gemma", "Kerry", "Amy",
                    "Lauren", "Zoe", "Holly", "Katie", "Jade", "Danielle", "Natalie", "Victoria", "Samantha",
                    "Louise", "Michelle", "Angela", "Tracey", "Dawn", "Margaret", "Patricia", "Carol", "Linda",
                    "Janet", "Siobhan", "Aoife", "Ciara", "Niamh", "Freya", "Poppy", "Evie", "Abigail"),
            List.of("Oliver", "Jack", "Harry", "George", "Charlie", "Thomas", "James", "William", "Daniel",
                    "Joshua", "Samuel", "Benjamin", "Matthew", "Luke", "Adam", "Ryan", "Liam", "Connor",
                    "Callum", "Jamie", "Lewis", "Nathan", "Jordan", "Kieran", "Craig", "Mark", "Paul", "Stephen",
                    "David", "Andrew", "Michael", "Richard", "Gary", "Darren", "Lee", "Wayne", "Simon", "Ian",
                    "Neil", "Peter", "John", "Robert", "Keith", "Graham", "Alan", "Colin", "Sean", "Niall",
                    "Declan", "Alfie", "Owen", "Rhys", "Dylan", "Ethan"),
            List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
                    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
                    "Jackson", "Clarke", "Hughes", "Edwards", "Turner", "Hill", "Moore", "Cooper", "Ward",
                    "Morris", "King", "Watson", "Harrison", "Morgan", "Baker", "Young", "Allen", "Mitchell",
                    "Anderson", "Martin", "Bell", "Parker", "Bennett", "Cook", "Murphy", "Kelly", "O'Brien",
                    "Byrne", "Walsh", "Doyle", "Campbell", "Stewart", "Scott", "Reid", "Lloyd", "Price",
                    "Griffiths", "Jenkins", "Owen", "Shaw", "Marshall", "Fletcher", "Holmes", "Chapman",
                    "Lewis", "Phillips", "Carter", "Hussey", "Knight", "Gray", "Ellis", "Webb", "Hunt", "Palmer",
                    "Mills", "Barnes", "Mason", "Rogers", "Fisher", "Dixon", "Harvey", "Simpson", "Butler",
                    "Russell", "Foster", "Lawrence", "Pearson", "Matthews", "Gibson", "Howard", "Cox", "Powell",
                    "Ford", "Barker", "Spencer", "Stevens", "Dawson", "Rose", "Hudson", "Fox", "Armstrong",
                    "Burton", "Hayes", "Lynch", "Quinn", "McCarthy", "Gallagher", "McDonald", "Robertson",
                    "Paterson", "Thomson", "Morrison", "Hamilton", "Graham", "Kennedy", "Sutton", "Wade",
                    "Atkinson", "Hancock", "Pritchard", "Vaughan", "Rees", "Howells", "Pugh", "Bowen", "Nash"));

    private static final NamePool EUROPEAN = new NamePool(
            List.of("Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Ioana", "Elena", "Andreea", "Giulia",
                    "Francesca", "Ana", "Maria", "Beatriz", "Laura", "Anna", "Kristina", "Ieva"),
            List.of("Piotr", "Tomasz", "Krzysztof", "Mateusz", "Andrei", "Mihai", "Marco", "Luca", "Joao",
                    "Pedro", "Tiago", "Jakub", "Marek", "Lukas", "Tomas", "Daniel"),
            List.of("Nowak", "Kowalski", "Kaminski", "Lewandowski", "Zielinski", "Popescu", "Ionescu",
                    "Rossi", "Russo", "Ferrari", "Silva", "Santos", "Ferreira", "Kazlauskas", "Novak",
                    "Horvath"));

    private static final NamePool SOUTH_ASIAN = new NamePool(
            List.of("Priya", "Anjali", "Aisha", "Fatima", "Ayesha", "Zara", "Nadia", "Sana", "Amina", "Hina",
                    "Farzana", "Shabnam", "Sunita", "Kavita", "Neha", "Pooja", "Simran", "Jasleen", "Nasreen",
                    "Rukhsana"),
            List.of("Mohammed", "Muhammad", "Ali", "Hassan", "Imran", "Usman", "Bilal", "Arjun", "Rahul",
                    "Vikram", "Sanjay", "Amir", "Zain", "Rizwan", "Tariq", "Shahid", "Harpreet", "Rajesh",
                    "Abdul", "Kamal"),
            List.of("Patel", "Khan", "Ahmed", "Hussain", "Ali", "Begum", "Shah", "Singh", "Kaur", "Sharma",
                    "Choudhury", "Rahman", "Miah", "Islam", "Iqbal", "Malik", "Mahmood", "Akhtar", "Gill",
                    "Kumar", "Mistry", "Uddin"));

    private static final NamePool BLACK_BRITISH = new NamePool(
            List.of("Abena", "Ama", "Chidinma", "Ngozi", "Funmilayo", "Adaeze", "Grace", "Blessing", "Precious",
                    "Shanice", "Tanisha", "Keisha", "Aaliyah", "Esther", "Joy", "Faith", "Hodan", "Amal"),
            List.of("Kwame", "Kofi", "Chinedu", "Emeka", "Oluwaseun", "Tunde", "Samuel", "Daniel", "Marcus",
                    "Jermaine", "Tyrone", "Andre", "Joseph", "Emmanuel", "Isaac", "Abdi", "Mohamed", "Delroy"),
            List.of("Okafor", "Adeyemi", "Mensah", "Owusu", "Boateng", "Okonkwo", "Nwosu", "Adebayo", "Asante",
                    "Osei", "Campbell", "Brown", "Williams", "Thomas", "Francis", "Clarke", "Grant", "Henry",
                    "Mohamed", "Abdi", "Ali", "Richards"));

    private static final NamePool CHINESE = new NamePool(
            List.of("Mei", "Xin", "Ying", "Hui", "Jing", "Lin", "Yan", "Wing"),
            List.of("Wei", "Jun", "Hao", "Ming", "Jian", "Kai", "Chun", "Kwok"),
            List.of("Chen", "Wang", "Li", "Zhang", "Liu", "Wong", "Chan", "Lam", "Cheung", "Ng", "Lau", "Ho"));

    private static final NamePool OTHER = new NamePool(
            List.of("Layla", "Mariam", "Yasmin", "Noor", "Leila", "Hana", "Dina", "Rana"),
            List.of("Omar", "Ahmed", "Karim", "Yusuf", "Khalid", "Samir", "Hamza", "Tarek"),
            List.of("Haddad", "Nasser", "Hassan", "Saleh", "Farah", "Aziz", "Rahimi", "Yilmaz", "Demir",
                    "Kaya"));

    /**
     * NHS ethnic categories in rough proportion to adults in England (Census 2021), with a share
     * not stated as in referral data; in the order of {@link Ethnicity}.
     */
    private static final double[] ETHNICITY_WEIGHTS = {
        73.0, 0.9, 6.2, 0.9, 0.4, 0.8, 0.9, 3.1, 2.7, 1.1, 1.6, 1.1, 2.5, 0.5, 0.7, 1.6, 2.0};

    /** About two thirds of referrals are women. In the order of {@link Gender}. */
    private static final double[] GENDER_WEIGHTS = {64.5, 33.5, 1.0, 0.4, 0.6};

    /** Age at referral: younger adults refer most (bands 18-25, 26-35, 36-45, 46-55, 56-64, 65-78). */
    private static final int[][] AGE_BANDS = {{18, 25}, {26, 35}, {36, 45}, {46, 55}, {56, 64}, {65, 78}};
    private static final double[] AGE_WEIGHTS = {19, 26, 20, 17, 11, 7};

    /** Fictional towns from English novels and drama: no real address can be generated. */
    private static final List<String> TOWNS = List.of("Ambridge", "Borchester", "Felpersham", "Walford", "Holby",
            "Weatherfield", "Casterbridge", "Middlemarch", "Candleford", "Kingsmarkham");

    private static final List<String> STREETS = List.of("Church Street", "Station Road", "Mill Lane", "Victoria Road",
            "Park Avenue", "The Crescent", "Orchard Close", "Manor Road", "Queen Street", "Meadow View",
            "Chapel Lane", "Albert Terrace", "Willow Way", "Castle Hill", "Brook Street", "Kingsway",
            "Elm Grove", "Nursery Lane", "Bridge Street", "Highfield Road");

    private static final List<String> PRACTICE_FORMS = List.of("%s Medical Centre", "%s Health Centre",
            "%s Family Practice", "The %s Surgery", "%s Road Surgery");
    private static final List<String> PRACTICE_NAMES = List.of("Riverside", "Parkside", "Market", "Abbey",
            "Greenfield", "Oakwood", "Northgate", "Westbury", "Beech House", "Cedar");

    /** Letters used in the inward part of a UK postcode (not C, I, K, M, O or V). */
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private DemoPeople() {
    }

    /** A new NHS number in the 999 range, with a valid check digit, not in {@code used}; adds it there. */
    static NhsNumber nhsNumber(SplittableRandom rng, Set<String> used) {
        while (true) {
            StringBuilder digits = new StringBuilder("999");
            for (int i = 0; i < 6; i++) {
                digits.append((char) ('0' + rng.nextInt(10)));
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            digits.append(check == 11 ? 0 : check);
            if (used.add(digits.toString())) {
                return NhsNumber.parse(digits.toString());
            }
        }
    }

    /** A person aged 18 to 78 at {@code firstReferralDate}, the date they were first referred. */
    static Patient patient(SplittableRandom rng, NhsNumber nhsNumber, LocalDate firstReferralDate) {
        Gender gender = Gender.values()[Draw.weighted(rng, GENDER_WEIGHTS)];
        Ethnicity ethnicity = Ethnicity.values()[Draw.weighted(rng, ETHNICITY_WEIGHTS)];
        NamePool pool = namePool(rng, ethnicity);
        List<String> givenNames = switch (gender) {
            case FEMALE -> pool.female();
            case MALE -> pool.male();
            default -> rng.nextBoolean() ? pool.female() : pool.male();
        };
        String given = Draw.any(rng, givenNames);
        // Mixed backgrounds often carry a family name from another pool.
        String family = Draw.any(rng, mixed(ethnicity) ? namePool(rng, Ethnicity.Z).family() : pool.family());

        int[] band = AGE_BANDS[Draw.weighted(rng, AGE_WEIGHTS)];
        int age = Draw.between(rng, band[0], band[1]);
        LocalDate dateOfBirth = firstReferralDate.minusYears(age).minusDays(rng.nextInt(365));

        String town = Draw.any(rng, TOWNS);
        String address = Draw.between(rng, 1, 140) + " " + Draw.any(rng, STREETS) + ", " + town;
        String postcode = "ZZ" + Draw.between(rng, 1, 20) + " " + rng.nextInt(10)
                + INWARD_LETTERS.charAt(rng.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(rng.nextInt(INWARD_LETTERS.length()));
        String practice = Draw.any(rng, PRACTICE_FORMS).formatted(Draw.any(rng, PRACTICE_NAMES)) + ", " + town;
        String phone = "07700 900" + String.format(Locale.ROOT, "%03d", rng.nextInt(1000));
        String email = emailPart(given) + "." + emailPart(family) + Draw.between(rng, 1, 99) + "@example.org";

        return new Patient(null, nhsNumber, given, family, dateOfBirth, gender, ethnicity,
                phone, email, address, postcode, practice);
    }

    private static boolean mixed(Ethnicity ethnicity) {
        return switch (ethnicity) {
            case D, E, F, G -> true;
            default -> false;
        };
    }

    private static NamePool namePool(SplittableRandom rng, Ethnicity ethnicity) {
        return switch (ethnicity) {
            case A, B -> BRITISH;
            case C -> EUROPEAN;
            case H, J, K, L -> SOUTH_ASIAN;
            case M, N, P -> BLACK_BRITISH;
            case R -> CHINESE;
            case S -> OTHER;
            case D, E -> rng.nextBoolean() ? BRITISH : BLACK_BRITISH;
            case F -> rng.nextBoolean() ? BRITISH : SOUTH_ASIAN;
            case G, Z -> switch (Draw.weighted(rng, new double[] {80, 4, 7, 5, 1, 3})) {
                case 0 -> BRITISH;
                case 1 -> EUROPEAN;
                case 2 -> SOUTH_ASIAN;
                case 3 -> BLACK_BRITISH;
                case 4 -> CHINESE;
                default -> OTHER;
            };
        };
    }

    private static String emailPart(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
